export const en = {
  'si.password': 'Password',
  'si.submit': 'Sign in',
};
