import type { Plural } from '../types.ts';

export const en = {
  'signIn.wait': { one: 'Too many wrong passwords. Try again in {n} second.', other: 'Too many wrong passwords. Try again in {n} seconds.' },
  'setup.intro': 'Type the secret from the modem’s label, then choose a password.',
  'setup.secret': 'Secret from the label',
  'setup.submit': 'Save and continue',
  'signIn.submit': 'Sign in',
} satisfies Record<string, string | Plural>;
