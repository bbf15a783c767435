import type { Strings } from '../types.ts';
import type { en } from '../en/devices.ts';

export const pl: Strings<typeof en> = {
  'devices.usedTotal': '{size} w tym okresie',
  'devices.self': 'To urządzenie',
  'devices.online': 'Połączone',
  'devices.offline': 'Niepołączone',
  'devices.rename': 'Zmień nazwę',
  'devices.name': 'Nazwa',
  'devices.nameHint': 'Do 40 znaków; modem ją zapamięta. Puste: nazwa, którą podaje urządzenie.',
  'devices.save': 'Zapisz',
  'devices.blockHint': 'Zablokowane urządzenie traci internet, ale nie Wi-Fi: zostaje połączone z modemem i w każdej chwili można je tu odblokować.',
  'devices.none': 'Brak podłączonych urządzeń.',
  'devices.unnamed': 'Urządzenie bez nazwy',
  'devices.wired': 'Kabel',
  'devices.since': 'Od {time}',
  'devices.used': 'W tym okresie: ↓ {down} ↑ {up}',
  'devices.blocked': 'Zablokowane',
  'devices.block': 'Zablokuj internet',
  'devices.unblock': 'Odblokuj',
};
