// Words several pages share (registered by ui.tsx, which every page but the overview imports).
export const en = {
  'pw.password': 'Password',
  'pw.new': 'New password',
  'pw.again': 'New password again',
  'pw.hint': 'At least 10 characters.',
  'pw.mismatch': 'The two passwords differ.',
  'ap.send': 'Send',
};
