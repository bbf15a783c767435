export const en = {
  'su.intro': 'Type the secret from the modem’s label, then choose a password.',
  'su.secret': 'Secret from the label',
  'su.submit': 'Save and continue',
  'si.submit': 'Sign in',
};
