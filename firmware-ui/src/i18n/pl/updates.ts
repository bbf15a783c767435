import type { Strings } from '../types.ts';
import type { en } from '../en/updates.ts';

export const pl: Strings<typeof en> = {
  'updates.current': 'Obecnie działa',
  'updates.package': 'Oprogramowanie modemu {version}',
  'updates.firmware': 'Firmware {version}',
  'updates.bytes': 'Modem pobrał {size} na aktualizacje: wliczone do zużycia, osobno od Twoich urządzeń.',
  'updates.none': 'Nie zaplanowano żadnej aktualizacji.',
  'updates.pending': 'Zaplanowana aktualizacja',
  'updates.what': '{kind} {version}',
  'updates.kind.package': 'Oprogramowanie modemu',
  'updates.kind.firmware': 'Firmware',
  'updates.when': 'Instalacja {date}, między {from} a {to}. Trwa około {minutes} minut; w tym czasie internet zniknie na kilka minut.',
  'updates.critical': 'To ważna aktualizacja bezpieczeństwa: nie można jej odłożyć.',
  'updates.defer': 'Odłóż o jeden dzień',
  'updates.deferred': 'Odłożono.',
  'updates.deferLimit': 'Można ją odłożyć najpóźniej do {date}.',
  'updates.noDefer': 'Nie można jej już dalej odkładać.',
  'updates.installNow': 'Zainstaluj teraz',
  'updates.installing': 'Instalowanie…',
  'updates.check': 'Sprawdź aktualizacje',
  'updates.checked': 'Sprawdzono: {message}',
  'updates.waiting': 'Oczekiwanie: {reason}',
  'updates.history': 'Poprzednie aktualizacje',
  'updates.result.installed': 'zainstalowana',
  'updates.result.rolled-back': 'cofnięta, działa poprzednia wersja',
  'updates.result.failed': 'nieudana',
};
