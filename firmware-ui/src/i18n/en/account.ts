export const en = {
  'account.introInstaller': 'For a customer who forgot their password: set a new one and tell them. They are signed out on their other devices.',
  'account.title': 'Change the password',
  'account.titleInstaller': 'Set the customer’s password',
  'account.current': 'Current password',
  'account.changed': 'Password changed. Other devices are signed out.',
};
