export const en = {
  'audit.time': 'Time',
  'audit.role': 'Who',
  'audit.event': 'What',
  'audit.none': 'Nothing recorded yet.',
  'role.customer': 'Customer',
  'role.installer': 'Installer',
  'role.unknown': 'Unknown',
};
