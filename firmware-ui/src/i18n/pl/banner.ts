import type { Strings } from '../types.ts';
import type { en } from '../en/banner.ts';

export const pl: Strings<typeof en> = {
  'cap.throttled': 'Limit danych wykorzystany: prędkość ograniczona do {down}/{up} kbit/s do {date}.',
  'cap.blocked': 'Limit danych wykorzystany: internet wstrzymany do {date}.',
  'cap.ask': 'Po więcej danych zwróć się do dostawcy lub instalatora ({sizes}).',
  'cap.add': 'Dodaj {size}',
  'cap.added': 'Doładowanie dodane.',
  'notice.usage-alert': 'Wykorzystano {percent}% limitu danych.',
  'notice.offload-bypass': 'Flow offloading jest włączony: limity i liczniki nie działają. Wyłącz go w zaporze.',
  'notice.enforcement-failed': 'Nie udało się zastosować limitu ani blokady: {message}',
};
