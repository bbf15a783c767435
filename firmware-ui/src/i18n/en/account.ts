export const en = {
  'ac.title': 'Change the password',
  'ac.titleInstaller': 'Set the customer’s password',
  'ac.introInstaller': 'For a customer who forgot theirs. Their other sessions end.',
  'ac.current': 'Current password',
  'ac.new': 'New password',
  'ac.new2': 'New password again',
  'ac.hint': 'At least 10 characters.',
  'ac.mismatch': 'The two passwords are not the same.',
  'ac.submit': 'Change the password',
  'ac.changed': 'The password is changed. Other devices signed in with the old one are signed out.',
  'ac.signOutTitle': 'Sign out',
  'ac.signOutIntro': 'Sign out on this phone or computer.',
};
