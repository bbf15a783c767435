export const en = {
  'devices.none': 'No devices connected.',
  'devices.unnamed': 'Unnamed device',
  'devices.wired': 'Cable',
  'devices.since': 'Since {time}',
  'devices.used': 'This period: ↓ {down} ↑ {up}',
  'devices.blocked': 'Blocked',
  'devices.block': 'Block internet',
  'devices.unblock': 'Unblock',
};
