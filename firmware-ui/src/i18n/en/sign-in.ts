export const en = {
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
};
