export const en = {
  'audit.intro': 'Who changed what on this modem, and when, newest first: sign-ins, passwords, Wi-Fi, the plan and top-ups.',
  'audit.time': 'Time',
  'audit.role': 'Who',
  'audit.event': 'What',
  'audit.none': 'Nothing recorded yet.',
  'role.customer': 'Customer',
  'role.installer': 'Installer',
  'role.unknown': 'Unknown',
};
