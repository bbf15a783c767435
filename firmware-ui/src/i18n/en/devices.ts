export const en = {
  'v.none': 'No devices connected.',
  'v.unnamed': 'Unnamed device',
  'v.wired': 'Cable',
  'v.since': 'Since {time}',
  'v.used': 'This period: ↓ {down} ↑ {up}',
  'v.blocked': 'Blocked',
  'v.block': 'Block internet',
  'v.unblock': 'Unblock',
};
