export const en = {
  'devices.blockHint': 'Blocking a device stops its internet, not its Wi-Fi: it stays connected to the modem and can be unblocked here at any time.',
  'devices.none': 'No devices connected.',
  'devices.unnamed': 'Unnamed device',
  'devices.wired': 'Cable',
  'devices.since': 'Since {time}',
  'devices.used': 'This period: ↓ {down} ↑ {up}',
  'devices.blocked': 'Blocked',
  'devices.block': 'Block internet',
  'devices.unblock': 'Unblock',
};
