// When will the cap be reached at the current rate, and how much a day is left
// to make the allowance last the cycle.
import { daysLeft, type Cycle } from './billing-cycle.ts';
import { usedBytes, type Ledger } from './usage-ledger.ts';
import { addDays, compareDates, formatDate, localDate, startOfDay } from './zoned-time.ts';

export type Forecast = {
  /** Average bytes a day over the last 7 local dates of this cycle, days without traffic included. */
  averagePerDay: number;
  /** Instant the allowance runs out at that rate; null without a cap, at no usage, or if it lasts the cycle. */
  capReachedAt: number | null;
  /** Bytes a day that would make what is left last until the reset; null without a cap. */
  perDayLeft: number | null;
};

const DAY = 86_400_000;
const WINDOW = 7;

/**
 * The rate: bytes of the last 7 local calendar dates (today by the part of it
 * that has passed) over those dates, zeros included, so a big day followed by
 * quiet ones fades out. Dates before the cycle began are not in it.
 */
function recentRate(ledger: Ledger, cycle: Pick<Cycle, 'start'>, now: number, timeZone: string): number {
  const today = localDate(now, timeZone);
  const first = localDate(cycle.start, timeZone);
  const dayStart = startOfDay(today, timeZone);
  // Today's length in ms is 23 or 25 hours on a DST change.
  const todayShare = Math.max((now - dayStart) / (startOfDay(addDays(today, 1), timeZone) - dayStart), 1 / 24);
  let days = 0;
  let bytes = 0;
  for (let i = 0; i < WINDOW; i++) {
    const date = addDays(today, -i);
    if (compareDates(date, first) < 0) break;
    const b = ledger.daily[formatDate(date)];
    bytes += (b?.down ?? 0) + (b?.up ?? 0);
    days += i === 0 ? todayShare : 1;
  }
  // Corrections can take the billed figure below what the buckets hold.
  return Math.round(Math.min(bytes, usedBytes(ledger)) / Math.max(days, 1 / 24));
}

export function forecast(ledger: Ledger, cycle: Pick<Cycle, 'start' | 'end'>, now: number, allowance: number | null, timeZone: string): Forecast {
  const used = usedBytes(ledger);
  const averagePerDay = recentRate(ledger, cycle, now, timeZone);
  if (allowance === null) return { averagePerDay, capReachedAt: null, perDayLeft: null };
  const left = Math.max(0, allowance - used);
  const perDayLeft = Math.floor(left / Math.max(daysLeft(now, cycle, timeZone), 1));
  if (left === 0) return { averagePerDay, capReachedAt: now, perDayLeft: 0 };
  if (averagePerDay === 0) return { averagePerDay, capReachedAt: null, perDayLeft };
  const at = now + Math.round((left / averagePerDay) * DAY);
  return { averagePerDay, capReachedAt: at < cycle.end ? at : null, perDayLeft };
}
