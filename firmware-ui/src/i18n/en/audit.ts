export const en = {
  'au.intro': 'Who changed what on this modem, newest first.',
  'au.time': 'Time',
  'au.role': 'Who',
  'au.event': 'What',
  'au.none': 'Nothing recorded yet.',
  'r.customer': 'Customer',
  'r.installer': 'Installer',
  'r.unknown': 'Unknown',
};
