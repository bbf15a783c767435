// Words several pages share (registered by ui.tsx, which every page but the overview imports).
export const en = {
  'password.password': 'Password',
  'password.new': 'New password',
  'password.again': 'New password again',
  'password.hint': 'At least 10 characters.',
  'password.mismatch': 'The two passwords differ.',
  'app.send': 'Send',
  'field.invalid': 'Not accepted.',
  'field.min_value': 'At least {requirement}.',
  'field.max_value': 'At most {requirement}.',
  'field.min_length': 'At least {requirement} characters.',
  'field.max_length': 'At most {requirement} characters.',
};
