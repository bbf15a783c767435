// Prepaid validity (Milo Telecom, 002_339516d54929f7eb.txt: funds can be used for
// 180 days after each top-up). Each top-up moves the period's end to the top-up's
// local date plus cycle_days; a date the operator states wins. When validity ends
// the period closes and what was left is gone until the next top-up.
import { closeAt, type Ledger } from './usage-ledger.ts';
import { addDays, localDate, startOfDay, type LocalDate } from './zoned-time.ts';

/** The first instant after validity that starts with a top-up at `at`. */
export function validityEnd(at: number, days: number, timeZone: string): number {
  return startOfDay(addDays(localDate(at, timeZone), days), timeZone);
}

/**
 * The end of validity as the operator's balance reply gives it: a date (valid
 * through that day) or a number of days left (today counted); null when neither.
 */
export function operatorValidityEnd(reply: { expiry: string | null; days: number | null }, now: number, timeZone: string): number | null {
  if (reply.expiry) {
    const [year, month, day] = reply.expiry.split('-').map(Number) as [number, number, number];
    const last: LocalDate = { year, month, day };
    return startOfDay(addDays(last, 1), timeZone);
  }
  if (reply.days !== null) return startOfDay(addDays(localDate(now, timeZone), reply.days), timeZone);
  return null;
}

/**
 * Validity runs until `end` from instant `at` (a top-up, or the operator's word).
 * A lapsed period closes there and a valid one opens; a valid period just moves
 * its end.
 */
export function extendValidity(ledger: Ledger, at: number, end: number): Ledger {
  if (ledger.lapsed) return end > at ? closeAt(ledger, at, { start: at, end }) : ledger;
  return { ...ledger, cycleEnd: end };
}

/**
 * Validity ended at the period's end: it closes into history (its top-ups with
 * it) and a lapsed period follows until a top-up, cycle_days from now at most
 * (one step, however long the device was off).
 */
export function lapse(ledger: Ledger, now: number, days: number, timeZone: string): Ledger {
  const start = ledger.cycleEnd;
  return closeAt(ledger, start, { start, end: validityEnd(Math.max(now, start), days, timeZone), lapsed: true });
}
