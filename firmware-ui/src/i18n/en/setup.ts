export const en = {
  'setup.intro': 'Type the secret from the modem’s label, then choose a password.',
  'setup.secret': 'Secret from the label',
  'setup.submit': 'Save and continue',
  'signIn.submit': 'Sign in',
};
