// Billing cycles: which period an instant belongs to, in the plan's time zone.
// Time and plan are parameters; nothing here reads a clock.
import { addDays, compareDates, daysBetween, daysInMonth, localDate, startOfDay, toLocal, type LocalDate } from './zoned-time.ts';

export type CycleSpec =
  /** Monthly from day N (1..31, clamped to short months) or the last day of each month. */
  | { kind: 'monthly'; day: number | 'last'; timeZone: string }
  /**
   * Calendar months. From activation, either the rest of that month (prorated),
   * or, with `firstDays`, a first period of that many days and then the rest of
   * the month it ends in (prorated), as ISP 003 bills.
   */
  | { kind: 'calendar'; timeZone: string; activated: LocalDate | null; firstDays?: number | null }
  /** Fixed N-day periods counted from an anchor date. */
  | { kind: 'days'; days: number; anchor: LocalDate; timeZone: string }
  /** Prepaid: funds valid N days from the last top-up (no top-up yet: from activation). */
  | { kind: 'prepaid'; days: number; lastTopup: LocalDate; timeZone: string };

export type Cycle = {
  /** Instants (ms) of the first moment of the cycle and the first moment after it. */
  start: number;
  end: number;
  /** Local dates of the first day and of the day the next cycle starts. */
  startDate: LocalDate;
  endDate: LocalDate;
  /** Share of a full period's allowance this cycle gets (below 1 only for a prorated month). */
  allowanceShare: number;
};

function anchorDay(year: number, month: number, day: number | 'last'): LocalDate {
  const last = daysInMonth(year, month);
  return { year, month, day: day === 'last' ? last : Math.min(day, last) };
}

function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function make(startDate: LocalDate, endDate: LocalDate, timeZone: string, allowanceShare = 1): Cycle {
  return { start: startOfDay(startDate, timeZone), end: startOfDay(endDate, timeZone), startDate, endDate, allowanceShare };
}

function monthly(today: LocalDate, day: number | 'last', timeZone: string): Cycle {
  const thisAnchor = anchorDay(today.year, today.month, day);
  if (compareDates(today, thisAnchor) >= 0) {
    const next = shiftMonth(today.year, today.month, 1);
    return make(thisAnchor, anchorDay(next.year, next.month, day), timeZone);
  }
  const prev = shiftMonth(today.year, today.month, -1);
  return make(anchorDay(prev.year, prev.month, day), thisAnchor, timeZone);
}

/** From `from` to the 1st of the next month, with the share of that month it covers. */
function restOfMonth(from: LocalDate, timeZone: string): Cycle {
  const next = shiftMonth(from.year, from.month, 1);
  const end = { ...next, day: 1 };
  return make(from, end, timeZone, daysBetween(from, end) / daysInMonth(from.year, from.month));
}

function calendar(today: LocalDate, spec: Extract<CycleSpec, { kind: 'calendar' }>): Cycle {
  const month = monthly(today, 1, spec.timeZone);
  const activated = spec.activated;
  if (!activated || compareDates(today, activated) < 0) return month;
  let prorated = activated;
  if (spec.firstDays) {
    // The first period is whole days from activation and gets a whole allowance.
    const firstEnd = addDays(activated, spec.firstDays);
    if (compareDates(today, firstEnd) < 0) return make(activated, firstEnd, spec.timeZone);
    prorated = firstEnd;
  }
  // A prorated rest of a month, unless that starts on the 1st (then it is a whole month).
  if (prorated.day === 1) return month;
  const rest = restOfMonth(prorated, spec.timeZone);
  return compareDates(today, rest.endDate) < 0 ? rest : month;
}

/** The billing cycle that contains instant `ms`. */
export function cycleAt(ms: number, spec: CycleSpec): Cycle {
  const today = localDate(ms, spec.timeZone);
  switch (spec.kind) {
    case 'monthly':
      return monthly(today, spec.day, spec.timeZone);
    case 'calendar':
      return calendar(today, spec);
    case 'days': {
      const elapsed = daysBetween(spec.anchor, today);
      const index = Math.floor(elapsed / spec.days);
      const startDate = addDays(spec.anchor, index * spec.days);
      return make(startDate, addDays(startDate, spec.days), spec.timeZone);
    }
    case 'prepaid':
      return make(spec.lastTopup, addDays(spec.lastTopup, spec.days), spec.timeZone);
  }
}

/**
 * Local calendar days left in the cycle, today included: what a customer means by
 * "days left". Not 24-hour blocks, which are off by one around DST changes.
 */
export function daysLeft(ms: number, cycle: Pick<Cycle, 'end'>, timeZone: string): number {
  if (ms >= cycle.end) return 0;
  // The last local date the cycle covers (its end is the first instant after it).
  return daysBetween(toLocal(ms, timeZone), toLocal(cycle.end - 1, timeZone)) + 1;
}
