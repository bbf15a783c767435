// The installer's signal meter: quality bands and the trend against 10 s ago.
// Bands follow the usual LTE figures (RSRP dBm, RSRQ dB, SINR dB).

export type Band = 'excellent' | 'good' | 'fair' | 'poor';
export type SignalSample = { t: number; rsrp: number | null; rsrq: number | null; sinr: number | null };
export type Metric = 'rsrp' | 'rsrq' | 'sinr';

const LIMITS: Record<Metric, number[]> = { rsrp: [-80, -90, -100], rsrq: [-10, -15, -20], sinr: [20, 13, 0] };
const BANDS: Band[] = ['excellent', 'good', 'fair', 'poor'];

export function band(metric: Metric, value: number | null): Band | null {
  if (value === null) return null;
  const i = LIMITS[metric].findIndex((limit) => value >= limit);
  return BANDS[i < 0 ? 3 : i]!;
}

/** Keeps the samples of the last `windowMs` (the sparkline), ending with `sample`. */
export function pushSample(history: SignalSample[], sample: SignalSample, windowMs: number): SignalSample[] {
  return [...history.filter((s) => s.t > sample.t - windowMs && s.t < sample.t), sample];
}

/** The newest figures with their band, and whether each is better or worse than 10 s ago (1 dB either way is "same"). */
export function meterReading(history: SignalSample[]) {
  const now = history[history.length - 1];
  const then = now && history.findLast((s) => s.t <= now.t - 10_000);
  const out = {} as Record<Metric, { value: number | null; band: Band | null; trend: 'better' | 'worse' | 'same' | null }>;
  for (const metric of ['rsrp', 'rsrq', 'sinr'] as const) {
    const value = now?.[metric] ?? null;
    const before = then?.[metric] ?? null;
    const delta = value === null || before === null ? null : value - before;
    out[metric] = { value, band: band(metric, value), trend: delta === null ? null : delta > 1 ? 'better' : delta < -1 ? 'worse' : 'same' };
  }
  return out;
}

/** Where each band starts, per metric (excellent, good, fair; below the last is poor): the sparkline's bands. */
export const THRESHOLDS = LIMITS;

/** The word for the whole reading: the weaker of RSRP's and SINR's bands (a strong but noisy signal is not good). */
export function overall(reading: Record<Metric, { band: Band | null }>): Band | null {
  const bands = [reading.rsrp.band, reading.sinr.band].filter((b): b is Band => b !== null);
  return bands.length ? BANDS[Math.max(...bands.map((b) => BANDS.indexOf(b)))]! : null;
}

/** Whether `a` beats `b`: higher RSRP, then higher SINR. A sample without RSRP never beats one with it. */
export function beats(a: SignalSample, b: SignalSample | null): boolean {
  if (a.rsrp === null) return false;
  if (!b || b.rsrp === null) return true;
  return a.rsrp > b.rsrp || (a.rsrp === b.rsrp && (a.sinr ?? -Infinity) > (b.sinr ?? -Infinity));
}
