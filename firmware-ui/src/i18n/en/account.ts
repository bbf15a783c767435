export const en = {
  'ac.title': 'Change the password',
  'ac.titleInstaller': 'Set the customer’s password',
  'ac.introInstaller': 'For a customer who forgot theirs. Their other sessions end.',
  'ac.current': 'Current password',
  'ac.changed': 'The password is changed. Other devices are signed out.',
};
