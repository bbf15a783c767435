import type { Strings } from '../types.ts';
import type { en } from '../en/support.ts';

export const pl: Strings<typeof en> = {
  'support.provider': 'Twój dostawca internetu',
  'support.call': 'Zadzwoń: {phone}',
  'support.hours': 'Czynne: {hours}',
};
