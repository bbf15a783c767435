export const en = {
  'audit.title': 'Audit log',
  'audit.intro': 'Who changed what on this modem, newest first.',
  'audit.time': 'Time',
  'audit.role': 'Who',
  'audit.event': 'What',
  'audit.none': 'Nothing recorded yet.',
  'role.customer': 'Customer',
  'role.installer': 'Installer',
  'role.unknown': 'Unknown',
};
