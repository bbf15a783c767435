import type { Strings } from '../types.ts';
import type { en } from '../en/sms.ts';

export const pl: Strings<typeof en> = {
  'sms.none': 'Brak wiadomości.',
  'sms.from': 'Od {n}',
  'sms.to': 'Do {n}',
  'sms.delete': 'Usuń',
  'sms.send': 'Wyślij SMS',
  'sms.number': 'Numer',
  'sms.text': 'Treść',
  'sms.sent': 'Wysłano.',
};
