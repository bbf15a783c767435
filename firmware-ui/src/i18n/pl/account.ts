import type { Strings } from '../types.ts';
import type { en } from '../en/account.ts';

export const pl: Strings<typeof en> = {
  'account.introInstaller': 'Dla klienta, który zapomniał hasła: ustaw nowe i przekaż mu je. Na innych urządzeniach zostanie wylogowany.',
  'account.title': 'Zmień hasło',
  'account.titleInstaller': 'Ustaw hasło klienta',
  'account.current': 'Obecne hasło',
  'account.changed': 'Hasło zmienione. Inne urządzenia wylogowano.',
};
