import type { Strings } from '../types.ts';
import type { en } from '../en/signal.ts';

export const pl: Strings<typeof en> = {
  'signal.intro': 'Obracaj lub przesuwaj antenę powoli i w każdym położeniu odczekaj kilka sekund: wartości zmieniają się po sekundzie lub dwóch. Zostaw antenę tam, gdzie RSRP i SINR są najwyższe.',
  'signal.band.excellent': 'doskonały',
  'signal.band.good': 'dobry',
  'signal.band.fair': 'średni',
  'signal.band.poor': 'słaby',
  'signal.trend.better': '▲ lepiej niż 10 s temu',
  'signal.trend.worse': '▼ gorzej niż 10 s temu',
  'signal.trend.same': 'tak jak 10 s temu',
  'signal.spark': '{name}, ostatnie dwie minuty',
  'signal.none': 'brak sygnału',
  'signal.toneOn': 'Włącz dźwięk',
  'signal.toneOff': 'Wyłącz dźwięk',
  'signal.best': 'Najlepszy: {rsrp} dBm, SINR {sinr} dB o {time}, komórka {cell}',
  'signal.bestReset': 'Od nowa',
  'signal.cell': 'Komórka obsługująca',
  'signal.cellBand': 'Pasmo',
  'signal.cellId': 'ID komórki',
  'signal.ca': 'Agregacja pasm',
  'signal.caNone': 'brak',
  'signal.notReported': 'modem tego nie podaje',
};
