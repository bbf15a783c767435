import type { Strings } from '../types.ts';
import type { en } from '../en/shared.ts';

export const pl: Strings<typeof en> = {
  'password.password': 'Hasło',
  'password.new': 'Nowe hasło',
  'password.again': 'Powtórz nowe hasło',
  'password.hint': 'Co najmniej 10 znaków.',
  'password.mismatch': 'Hasła się różnią.',
  'app.send': 'Wyślij',
  'field.invalid': 'Niepoprawna wartość.',
  'field.min_value': 'Co najmniej {requirement}.',
  'field.max_value': 'Najwyżej {requirement}.',
  'field.min_length': 'Co najmniej {requirement} znaków.',
  'field.max_length': 'Najwyżej {requirement} znaków.',
};
