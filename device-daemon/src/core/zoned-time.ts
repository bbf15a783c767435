// Wall-clock arithmetic in an IANA time zone with nothing but Intl, so that the
// cycle math needs no date library and runs on Node's ICU as shipped by OpenWrt.

export type LocalDate = { year: number; month: number; day: number };
export type LocalDateTime = LocalDate & { hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time in `timeZone` at instant `ms`. */
export function toLocal(ms: number, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

function asUtc(t: LocalDateTime): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds. */
export function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return asUtc(toLocal(whole, timeZone)) - whole;
}

/**
 * The instant at which the wall clock in `timeZone` shows `t`. A time that the
 * clocks skip (a DST gap) maps to the first instant after the gap; a time shown
 * twice (clocks going back) maps to the first time it is shown.
 */
export function fromLocal(t: LocalDateTime, timeZone: string): number {
  const wall = asUtc(t);
  // Try both offsets around the guess; keep the earliest that shows the right wall time.
  const candidates = [offsetAt(wall - 86_400_000, timeZone), offsetAt(wall + 86_400_000, timeZone)]
    .map((offset) => wall - offset)
    .sort((a, b) => a - b);
  for (const ms of candidates) if (asUtc(toLocal(ms, timeZone)) === wall) return ms;
  // In a gap: no instant shows this wall time. The clocks jumped forward at some
  // instant between the two readings of `wall` (before it under the later offset,
  // after it under the earlier one); the first instant after the gap is that jump.
  let before = wall - offsetAt(wall + 86_400_000, timeZone);
  let after = wall - offsetAt(wall - 86_400_000, timeZone);
  const offsetBefore = offsetAt(before, timeZone);
  while (after - before > 1000) {
    const mid = before + Math.floor((after - before) / 2000) * 1000;
    if (offsetAt(mid, timeZone) === offsetBefore) before = mid;
    else after = mid;
  }
  return after;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds whole calendar days to a local date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Orders two local dates: negative, zero or positive as `a` is before, on or after `b`. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Whole calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** The local date (without the time) at instant `ms`. */
export function localDate(ms: number, timeZone: string): LocalDate {
  const { year, month, day } = toLocal(ms, timeZone);
  return { year, month, day };
}

/** Local midnight of `date` as an instant. */
export function startOfDay(date: LocalDate, timeZone: string): number {
  return fromLocal({ ...date, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** ISO date "YYYY-MM-DD". */
export function formatDate(date: LocalDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}
