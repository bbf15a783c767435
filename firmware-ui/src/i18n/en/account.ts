export const en = {
  'account.title': 'Change the password',
  'account.titleInstaller': 'Set the customer’s password',
  'account.current': 'Current password',
  'account.changed': 'Password changed. Other devices are signed out.',
};
