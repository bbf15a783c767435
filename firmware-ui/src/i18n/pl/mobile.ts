import type { Strings } from '../types.ts';
import type { en } from '../en/mobile.ts';

export const pl: Strings<typeof en> = {
  'mobile.apnHint': 'Od operatora, na przykład internet. Zostaw puste, aby użyć domyślnego ustawienia operatora.',
  'pin.intro': 'Wpisz PIN karty SIM, aby ją odblokować; modem zapamięta go na następne uruchomienie. Aby zmienić PIN, wpisz też nowy. Po trzech błędnych PIN-ach karta poprosi o PUK.',
  'mobile.apn': 'APN',
  'mobile.auth': 'Uwierzytelnianie',
  'mobile.auth.none': 'Brak',
  'mobile.user': 'Nazwa użytkownika',
  'mobile.passKeep': 'Puste: zostaje zapisane hasło.',
  'mobile.mode.auto': 'Automatycznie',
  'mobile.mode.lte': 'Tylko 4G (LTE)',
  'mobile.mode.3g': 'Tylko 3G',
  'mobile.save': 'Zapisz i połącz ponownie',
  'mobile.saved': 'Zapisano. Modem łączy się ponownie.',
  'mobile.sim': 'SIM: {iccid}, numer {number}',
  'pin.title': 'PIN karty SIM',
  'pin.pin': 'PIN',
  'pin.new': 'Nowy PIN (opcjonalnie)',
  'pin.hint': 'Od 4 do 8 cyfr.',
  'pin.done': 'Gotowe. Modem zapamięta PIN.',
};
