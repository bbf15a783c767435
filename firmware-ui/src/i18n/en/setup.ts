export const en = {
  'setup.intro': 'Type the secret printed on the label of the modem, then choose the password for this page.',
  'setup.secret': 'Secret from the label',
  'setup.password': 'New password',
  'setup.password2': 'New password again',
  'setup.hint': 'At least 10 characters.',
  'setup.mismatch': 'The two passwords are not the same.',
  'setup.submit': 'Save and continue',
};
