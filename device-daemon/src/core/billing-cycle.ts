// Billing cycles: which period an instant belongs to, in the plan's time zone.
// Time and plan are parameters; nothing here reads a clock.
import { addDays, daysInMonth, startOfDay, toLocal, type LocalDate } from './zoned-time.ts';

export type CycleSpec =
  /** Monthly from day N (1..31, clamped to short months) or the last day of each month. */
  | { kind: 'monthly'; day: number | 'last'; timeZone: string }
  /** Calendar months; the first period, from activation, is prorated. */
  | { kind: 'calendar'; timeZone: string; activated: LocalDate | null }
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
  /** Share of a full period's allowance this cycle gets (below 1 only for a prorated first month). */
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

function compare(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

function make(startDate: LocalDate, endDate: LocalDate, timeZone: string, allowanceShare = 1): Cycle {
  return { start: startOfDay(startDate, timeZone), end: startOfDay(endDate, timeZone), startDate, endDate, allowanceShare };
}

function monthly(today: LocalDate, day: number | 'last', timeZone: string): Cycle {
  const thisAnchor = anchorDay(today.year, today.month, day);
  if (compare(today, thisAnchor) >= 0) {
    const next = shiftMonth(today.year, today.month, 1);
    return make(thisAnchor, anchorDay(next.year, next.month, day), timeZone);
  }
  const prev = shiftMonth(today.year, today.month, -1);
  return make(anchorDay(prev.year, prev.month, day), thisAnchor, timeZone);
}

/** The billing cycle that contains instant `ms`. */
export function cycleAt(ms: number, spec: CycleSpec): Cycle {
  const today: LocalDate = toLocal(ms, spec.timeZone);
  switch (spec.kind) {
    case 'monthly':
      return monthly(today, spec.day, spec.timeZone);
    case 'calendar': {
      const cycle = monthly(today, 1, spec.timeZone);
      const activated = spec.activated;
      if (activated && compare(activated, cycle.startDate) > 0 && compare(activated, today) <= 0) {
        const full = daysBetween(cycle.startDate, cycle.endDate);
        const share = daysBetween(activated, cycle.endDate) / full;
        return make(activated, cycle.endDate, spec.timeZone, share);
      }
      return cycle;
    }
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

/** Whole or partial local days from `ms` to the end of `cycle`, rounded up. */
export function daysLeft(ms: number, cycle: Pick<Cycle, 'end'>): number {
  return Math.max(0, Math.ceil((cycle.end - ms) / 86_400_000));
}
