import type { Strings } from '../types.ts';
import type { en } from '../en/setup.ts';

export const pl: Strings<typeof en> = {
  'signIn.wait': { one: 'Zbyt wiele błędnych haseł. Spróbuj ponownie za {n} sekundę.', few: 'Zbyt wiele błędnych haseł. Spróbuj ponownie za {n} sekundy.', many: 'Zbyt wiele błędnych haseł. Spróbuj ponownie za {n} sekund.', other: 'Zbyt wiele błędnych haseł. Spróbuj ponownie za {n} sekundy.' },
  'setup.intro': 'Wpisz kod z naklejki na modemie i wybierz hasło.',
  'setup.secret': 'Kod z naklejki',
  'setup.submit': 'Zapisz i przejdź dalej',
  'signIn.submit': 'Zaloguj',
};
