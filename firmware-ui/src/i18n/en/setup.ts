export const en = {
  'su.intro': 'Type the secret printed on the label of the modem, then choose the password for this page.',
  'su.secret': 'Secret from the label',
  'su.password': 'New password',
  'su.password2': 'New password again',
  'su.hint': 'At least 10 characters.',
  'su.mismatch': 'The two passwords are not the same.',
  'su.submit': 'Save and continue',
};
