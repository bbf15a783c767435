import type { Strings } from '../types.ts';
import type { en } from '../en/wifi.ts';

export const pl: Strings<typeof en> = {
  'wifi.qrHint': 'Skieruj aparat telefonu na kod, aby połączyć się z tą siecią Wi-Fi bez wpisywania. Kod zawiera hasło: pokazuj go tylko tym, którym podałbyś hasło.',
  'wifi.bytes': '{n} z 32 bajtów (ą, ę, ł i inne litery z ogonkami zajmują 2, emoji 4)',
  'wifi.ssid': 'Nazwa sieci',
  'wifi.keyHint': 'Puste: zostaje obecne hasło.',
  'wifi.show': 'Pokaż',
  'wifi.hide': 'Ukryj',
  'wifi.strength': 'Siła: {s}',
  'wifi.lvl0': 'słabe',
  'wifi.lvl1': 'średnie',
  'wifi.lvl2': 'mocne',
  'wifi.security': 'Zabezpieczenia',
  'wifi.warn': 'Zapisanie rozłączy wszystkie urządzenia w tej sieci Wi-Fi; połącz je ponownie z nowymi ustawieniami.',
  'wifi.save': 'Zapisz',
  'wifi.state.applying': 'Zapisuję… urządzenia się rozłączają.',
  'wifi.state.applied': 'Zapisano. Urządzenia mogą się połączyć z nowymi ustawieniami.',
  'wifi.state.restored': 'Nie udało się; przywrócono poprzednie ustawienia.',
  'wifi.badSsid': 'Nazwa: 1 do 32 bajtów (emoji to 4), jeden wiersz.',
  'wifi.badKey': 'Hasło: 8 do 63 znaków (bez polskich liter i emoji) albo 64 cyfry szesnastkowe.',
  'wifi.qr': 'Pokaż kod QR',
  'wifi.qrHide': 'Ukryj kod QR',
  'wifi.qrAlt': 'Kod QR do połączenia z {ssid}',
};
