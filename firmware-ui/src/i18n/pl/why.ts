import type { Strings } from '../types.ts';
import type { en } from '../en/why.ts';

export const pl: Strings<typeof en> = {
  'why.title': 'Dlaczego internet działa wolno?',
  'why.intro': 'Co modem widzi w tej chwili, od najbardziej prawdopodobnej przyczyny, i co z tym zrobić.',
  'why.cap.throttled': 'Dane na ten okres się skończyły, więc prędkość jest ograniczona do {date}.',
  'why.cap.blocked': 'Dane na ten okres się skończyły, więc internet jest wstrzymany do {date}.',
  'why.cap.step': 'Dokup dane przyciskiem u góry tej strony albo poczekaj do {date}, gdy pełna prędkość wróci sama.',
  'why.modem': 'Część modemowa tego urządzenia nie odpowiada.',
  'why.modem.step': 'Odłącz modem od zasilania, odczekaj dziesięć sekund i podłącz go ponownie. Jeśli ten komunikat zostanie, zadzwoń do dostawcy.',
  'why.sim': 'W modemie nie ma karty SIM albo nie da się jej odczytać.',
  'why.sim.step': 'Wyłącz modem, sprawdź, czy karta SIM dobrze siedzi w gnieździe, i włącz go ponownie.',
  'why.locked': 'Karta SIM jest zablokowana kodem PIN.',
  'why.locked.step': 'Instalator może ją odblokować. Jeśli nie znasz PIN-u, zadzwoń do dostawcy: po trzech błędnych próbach karta wymaga kodu PUK.',
  'why.searching': 'Modem szuka sieci komórkowej.',
  'why.searching.step': 'Poczekaj kilka minut. Jeśli nadal szuka, postaw modem przy oknie i uruchom go ponownie; jeśli to nie pomoże, może to być awaria: zadzwoń do dostawcy.',
  'why.down': 'Modem nie jest połączony z internetem sieci komórkowej.',
  'why.down.step': 'Uruchom modem ponownie. Jeśli nie połączy się w ciągu kilku minut, zadzwoń do dostawcy.',
  'why.weak': { one: 'Sygnał sieci jest słaby: {n} kreska na 5.', few: 'Sygnał sieci jest słaby: {n} kreski na 5.', many: 'Sygnał sieci jest słaby: {n} kresek na 5.', other: 'Sygnał sieci jest słaby: {n} kreski na 5.' },
  'why.bars': 'Sygnał {n} na 5',
  'why.weak.step': 'Postaw modem wysoko, przy oknie od strony najbliższego masztu, z dala od metalu, luster i grubych ścian. Po minucie sprawdź kreski ponownie.',
  'why.sharing': { one: 'W tym okresie z danych korzystało {n} urządzenie na jednym łączu.', few: 'W tym okresie z danych korzystały {n} urządzenia na jednym łączu.', many: 'W tym okresie z danych korzystało {n} urządzeń na jednym łączu.', other: 'W tym okresie z danych korzystało {n} urządzenia na jednym łączu.' },
  'why.sharing.step': 'Powyżej urządzenia, które zużyły najwięcej. Aby odciążyć łącze, wstrzymaj internet urządzenia na stronie',
  'why.devices': 'Urządzenia',
  'why.none': 'Modem nie widzi problemu: dane są, sygnał jest dobry, a sieć połączona.',
  'why.none.step': 'Uruchom ponownie urządzenie, z którego korzystasz. Jeśli nadal działa wolno, skontaktuj się z: {name}; problem może leżeć w sieci operatora.',
};
