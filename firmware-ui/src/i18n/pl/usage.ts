import type { Strings } from '../types.ts';
import type { en } from '../en/usage.ts';

export const pl: Strings<typeof en> = {
  'daily.title': 'Dane dziennie',
  'daily.desc': 'Dzienne użycie, {from} – {to}; najwięcej {max}.',
  'daily.day': 'Dzień',
  'daily.down': 'Pobieranie',
  'daily.up': 'Wysyłanie',
  'device.device': 'Urządzenie',
  'device.share': 'Udział',
  'device.none': 'Żadne urządzenie nie użyło jeszcze danych.',
  'forecast.title': 'Prognoza',
  'forecast.average': 'Średnio dziennie',
  'forecast.capAt': 'Limit skończy się',
  'forecast.lasts': 'Nie przed odnowieniem',
  'forecast.perDay': 'Aby wystarczyło do odnowienia',
  'forecast.perDayValue': '{size} dziennie',
  'changes.title': 'Doładowania i korekty',
  'changes.topup': 'Doładowanie {size}',
  'changes.correction': 'Według operatora: {operator} (my: {counted})',
  'changes.none': 'Brak w tym okresie.',
  'history.title': 'Poprzednie okresy',
  'history.period': 'Okres',
  'history.topups': 'Doładowania',
  'history.none': 'Nie ma jeszcze poprzednich okresów.',
};
