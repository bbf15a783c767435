import type { Strings } from '../types.ts';
import type { en } from '../en/audit.ts';

export const pl: Strings<typeof en> = {
  'audit.intro': 'Kto, co i kiedy zmienił w tym modemie, od najnowszych: logowania, hasła, Wi-Fi, plan i doładowania.',
  'audit.time': 'Czas',
  'audit.role': 'Kto',
  'audit.event': 'Co',
  'audit.none': 'Nic jeszcze nie zapisano.',
  'role.customer': 'Klient',
  'role.installer': 'Instalator',
  'role.unknown': 'Nieznany',
};
