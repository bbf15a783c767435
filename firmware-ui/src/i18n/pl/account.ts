import type { Strings } from '../types.ts';
import type { en } from '../en/account.ts';

export const pl: Strings<typeof en> = {
  'account.title': 'Zmień hasło',
  'account.titleInstaller': 'Ustaw hasło klienta',
  'account.current': 'Obecne hasło',
  'account.changed': 'Hasło zmienione. Inne urządzenia wylogowano.',
};
