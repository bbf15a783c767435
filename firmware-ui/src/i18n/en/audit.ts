export const en = {
  'au.time': 'Time',
  'au.role': 'Who',
  'au.event': 'What',
  'au.none': 'Nothing recorded yet.',
  'r.customer': 'Customer',
  'r.installer': 'Installer',
  'r.unknown': 'Unknown',
};
