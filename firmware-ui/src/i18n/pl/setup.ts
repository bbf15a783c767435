import type { Strings } from '../types.ts';
import type { en } from '../en/setup.ts';

export const pl: Strings<typeof en> = {
  'setup.intro': 'Wpisz kod z naklejki na modemie i wybierz hasło.',
  'setup.secret': 'Kod z naklejki',
  'setup.submit': 'Zapisz i przejdź dalej',
  'signIn.submit': 'Zaloguj',
};
