export const en = {
  'ac.title': 'Change the password',
  'ac.titleInstaller': 'Set the customer’s password',
  'ac.current': 'Current password',
  'ac.changed': 'Password changed. Other devices are signed out.',
};
