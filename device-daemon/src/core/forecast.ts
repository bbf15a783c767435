// When will the cap be reached at the current rate, and how much a day is left
// to make the allowance last the cycle.
import { daysLeft, type Cycle } from './billing-cycle.ts';
import { usedBytes, type Ledger } from './usage-ledger.ts';

export type Forecast = {
  /** Average bytes a day over the recent days (up to 7, today counted by the part that has passed). */
  averagePerDay: number;
  /** Instant the allowance runs out at that rate; null without a cap, at no usage, or if it lasts the cycle. */
  capReachedAt: number | null;
  /** Bytes a day that would make what is left last until the reset; null without a cap. */
  perDayLeft: number | null;
};

const DAY = 86_400_000;

export function forecast(ledger: Ledger, cycle: Pick<Cycle, 'start' | 'end'>, now: number, allowance: number | null): Forecast {
  const used = usedBytes(ledger);
  // Measure over the last 7 days of this cycle, or since it began if that is shorter.
  const windowStart = Math.max(cycle.start, now - 7 * DAY);
  const elapsedDays = Math.max((now - windowStart) / DAY, 1 / 24);
  const days = Object.keys(ledger.daily).sort().slice(-Math.ceil(elapsedDays) - 1);
  const recent = days.reduce((sum, d) => sum + ledger.daily[d]!.down + ledger.daily[d]!.up, 0);
  const averagePerDay = Math.round(Math.min(recent, used) / elapsedDays);
  if (allowance === null) return { averagePerDay, capReachedAt: null, perDayLeft: null };
  const left = Math.max(0, allowance - used);
  const remainingDays = Math.max(daysLeft(now, cycle), 1);
  const perDayLeft = Math.floor(left / remainingDays);
  if (left === 0) return { averagePerDay, capReachedAt: now, perDayLeft: 0 };
  if (averagePerDay === 0) return { averagePerDay, capReachedAt: null, perDayLeft };
  const at = now + Math.round((left / averagePerDay) * DAY);
  return { averagePerDay, capReachedAt: at < cycle.end ? at : null, perDayLeft };
}
