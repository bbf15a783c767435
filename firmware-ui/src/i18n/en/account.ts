export const en = {
  'account.title': 'Change the password',
  'account.titleInstaller': 'Set the customer’s password',
  'account.introInstaller': 'For a customer who forgot theirs. Their other sessions end.',
  'account.current': 'Current password',
  'account.new': 'New password',
  'account.new2': 'New password again',
  'account.hint': 'At least 10 characters.',
  'account.mismatch': 'The two passwords are not the same.',
  'account.submit': 'Change the password',
  'account.changed': 'The password is changed. Other devices signed in with the old one are signed out.',
  'account.signOutTitle': 'Sign out',
  'account.signOutIntro': 'Sign out on this phone or computer.',
};
