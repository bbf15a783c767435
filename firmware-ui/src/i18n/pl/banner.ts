import type { Strings } from '../types.ts';
import type { en } from '../en/banner.ts';

export const pl: Strings<typeof en> = {
  'notice.usage-alert': 'Wykorzystano {percent}% danych na ten okres.',
  'notice.offload-bypass': 'Włączone jest przyspieszanie przepływów (flow offloading), więc limit prędkości i licznik danych nie działają. Wyłącz je w ustawieniach zapory.',
  'notice.enforcement-failed': 'Nie udało się zastosować limitu prędkości ani blokady; modem zapisał przyczynę w dzienniku.',
  'notice.other': 'Modem ma komunikat, którego nie umie pokazać w tym języku. Instalator odczyta go w dzienniku.',
  'updates.banner': 'Aktualizacja modemu ({version}) zostanie zainstalowana {date} w nocy. Internet zniknie na kilka minut.',
  'updates.details': 'Szczegóły',
  'notice.state-not-saved': 'Stan nie zapisany ({where}: {reason}); ponawiam.',
};
