import type { Strings } from '../types.ts';
import type { en } from '../en/cap.ts';

export const pl: Strings<typeof en> = {
  'cap.throttled': 'Dane na ten okres się skończyły: internet jest bardzo wolny (wystarczy na wiadomości, nie na wideo) do {date}.',
  'cap.blocked': 'Dane na ten okres się skończyły: internet jest wstrzymany do {date}.',
  'cap.buyIntro': 'Możesz teraz dokupić dane; wystarczą do końca tego okresu.',
  'cap.buy': 'Kup {size}',
  'cap.sure': 'Kupić {size}? Operator obciąży kartę SIM w modemie.',
  'cap.sure.price': 'Kupić {size} za {price}? Operator obciąży kartę SIM w modemie.',
  'cap.yes': 'Tak, kup {size}',
  'cap.no': 'Anuluj',
  'cap.bought': 'Kupiono i dodano {size}: pełna prędkość wróciła.',
  'cap.pending': 'Poproszono operatora o {size}. Dane zostaną dodane, gdy operator potwierdzi (zwykle w ciągu kilku minut).',
  'cap.add': 'Dodaj {size}',
  'cap.added': 'Doładowanie dodane.',
  'cap.contact': 'Po więcej danych skontaktuj się z: {name}.',
};
