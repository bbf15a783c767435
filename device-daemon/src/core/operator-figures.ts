// What the operator's balance reply means for our own figures: how many days
// the package has left, and the correction that sets our count to the
// operator's. Pure: the reading, our counts and the time come in.
import type { BalanceReading } from './balance.ts';

const DAY = 86_400_000;

/**
 * Whole days the package is still valid: the operator's own count of days when
 * it gave one, else from its expiry date (valid through the end of that day,
 * UTC), never below 0; null when the reply said neither.
 */
export function validDays(reading: Pick<BalanceReading, 'days' | 'expiry'>, now: number): number | null {
  if (reading.days !== null) return reading.days;
  if (!reading.expiry) return null;
  return Math.max(0, Math.ceil((Date.parse(`${reading.expiry}T23:59:59Z`) - now) / DAY));
}

/**
 * The bytes to set our count to (POST /api/usage/correction) so that what we
 * show left equals what the operator said was left. The operator's figure is
 * from when it replied: data used since then (`usedNow - usedAtReading`) is
 * taken off it. Null when there is no allowance or the reply gave no data figure.
 */
export function operatorCorrection(figures: { allowance: number | null; dataLeft: number | null; usedAtReading: number; usedNow: number }): number | null {
  const { allowance, dataLeft, usedAtReading, usedNow } = figures;
  if (allowance === null || dataLeft === null) return null;
  return Math.max(0, allowance - dataLeft + usedNow - usedAtReading);
}
