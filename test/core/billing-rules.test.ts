// The billing rules as tables, written from the plan's rules and the ISPs' own
// documents (../shared/isp-documents), not from the code: every cycle kind
// across leap years and 28-31 day months, the zones whose DST change skips
// midnight, days left in local dates, the 7-date forecast.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cycleAt, daysLeft, type CycleSpec } from '../../device-daemon/src/core/billing-cycle.ts';
import { forecast } from '../../device-daemon/src/core/forecast.ts';
import { emptyLedger, type Ledger } from '../../device-daemon/src/core/usage-ledger.ts';
import { formatDate, fromLocal } from '../../device-daemon/src/core/zoned-time.ts';

const rules = suite('billing rules');
const date = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};
/** Local wall time `YYYY-MM-DDTHH:MM` in `zone` as an instant. */
const at = (iso: string, zone = 'UTC') => {
  const [d, t = '12:00'] = iso.split('T') as [string, string?];
  const [hour, minute] = t.split(':').map(Number) as [number, number];
  return fromLocal({ ...date(d), hour, minute, second: 0 }, zone);
};
const span = (ms: number, spec: CycleSpec) => {
  const c = cycleAt(ms, spec);
  return `${formatDate(c.startDate)}..${formatDate(c.endDate)}`;
};

// [day, local instant, expected period: first date..first date of the next period]
const MONTHLY: [number | 'last', string, string][] = [
  // Day 31 falls on the last day of shorter months, and goes back to 31 after them.
  [31, '2024-02-10', '2024-01-31..2024-02-29'], // leap February: 29 days
  [31, '2024-02-29', '2024-02-29..2024-03-31'],
  [31, '2025-02-10', '2025-01-31..2025-02-28'],
  [31, '2025-03-30', '2025-02-28..2025-03-31'],
  [31, '2025-04-30', '2025-04-30..2025-05-31'], // April has 30 days
  [31, '2100-02-28', '2100-02-28..2100-03-31'], // 2100 is not a leap year
  [31, '2000-02-28', '2000-01-31..2000-02-29'], // 2000 is
  [30, '2024-02-29', '2024-02-29..2024-03-30'],
  [30, '2023-02-28', '2023-02-28..2023-03-30'],
  [29, '2025-02-28', '2025-02-28..2025-03-29'],
  [29, '2025-02-27', '2025-01-29..2025-02-28'],
  [29, '2028-02-29', '2028-02-29..2028-03-29'],
  [1, '2026-12-31', '2026-12-01..2027-01-01'], // across the year
  [15, '2026-01-14', '2025-12-15..2026-01-15'],
  ['last', '2024-02-29', '2024-02-29..2024-03-31'],
  ['last', '2023-02-28', '2023-02-28..2023-03-31'],
  ['last', '2026-03-30', '2026-02-28..2026-03-31'],
  ['last', '2026-04-30', '2026-04-30..2026-05-31'],
];
for (const [day, when, expected] of MONTHLY) {
  rules(`monthly from day ${day}: on ${when} the period is ${expected}`, () => {
    assert.is(span(at(when), { kind: 'monthly', day, timeZone: 'UTC' }), expected);
  });
}

// ISP 003 (003_ffc07d49584bc58e.txt): the first payment covers 30 days from
// delivery, the second month is prorated to its end, then whole calendar months.
// Its example: delivered January 15; the second invoice is for February 14 to
// February 28; March is a whole month.
const isp003 = (activated: string): CycleSpec => ({ kind: 'calendar', timeZone: 'America/Los_Angeles', activated: date(activated), firstDays: 30 });
const CALENDAR: [string, string, string, number][] = [
  ['2026-01-15', '2026-01-15', '2026-01-15..2026-02-14', 1],
  ['2026-01-15', '2026-02-13T23:59', '2026-01-15..2026-02-14', 1],
  ['2026-01-15', '2026-02-14T00:00', '2026-02-14..2026-03-01', 15 / 28], // February 14 to February 28
  ['2026-01-15', '2026-02-28T23:59', '2026-02-14..2026-03-01', 15 / 28],
  ['2026-01-15', '2026-03-01T00:00', '2026-03-01..2026-04-01', 1], // March whole
  ['2026-01-15', '2026-04-30', '2026-04-01..2026-05-01', 1],
  ['2024-01-15', '2024-02-20', '2024-02-14..2024-03-01', 16 / 29], // leap February
  ['2026-01-31', '2026-03-05', '2026-03-02..2026-04-01', 30 / 31],
  ['2026-01-30', '2026-03-05', '2026-03-01..2026-04-01', 1], // 30 days end on the 1st: no prorated month
  ['2026-12-10', '2027-01-20', '2027-01-09..2027-02-01', 23 / 31], // across the year
];
for (const [activated, when, expected, share] of CALENDAR) {
  rules(`calendar months after a 30-day first period from ${activated}: on ${when} the period is ${expected}, ${share.toFixed(3)} of the allowance`, () => {
    const c = cycleAt(at(when, 'America/Los_Angeles'), isp003(activated));
    assert.is(`${formatDate(c.startDate)}..${formatDate(c.endDate)}`, expected);
    assert.is(c.allowanceShare, share);
  });
}

rules('calendar months without a first period prorate the rest of the activation month', () => {
  const spec: CycleSpec = { kind: 'calendar', timeZone: 'UTC', activated: date('2024-02-10') };
  const first = cycleAt(at('2024-02-12'), spec);
  assert.is(`${formatDate(first.startDate)}..${formatDate(first.endDate)}`, '2024-02-10..2024-03-01');
  assert.is(first.allowanceShare, 20 / 29);
});

const DAYS: [number, string, string, string][] = [
  [30, '2024-01-01', '2024-02-29', '2024-01-31..2024-03-01'],
  [30, '2025-01-01', '2025-03-02', '2025-03-02..2025-04-01'],
  [28, '2026-02-01', '2026-03-01', '2026-03-01..2026-03-29'],
  [7, '2026-01-05', '2026-01-04', '2025-12-29..2026-01-05'], // before the anchor: the period before
];
for (const [days, anchor, when, expected] of DAYS) {
  rules(`${days}-day periods from ${anchor}: on ${when} the period is ${expected}`, () => {
    assert.is(span(at(when), { kind: 'days', days, anchor: date(anchor), timeZone: 'UTC' }), expected);
  });
}

// Milo Telecom (002_339516d54929f7eb.txt): funds can be used for 180 days after each top-up.
const PREPAID: [string, string][] = [
  ['2026-06-01', '2026-06-01..2026-11-28'],
  ['2024-01-01', '2024-01-01..2024-06-29'], // through a leap February
  ['2025-01-01', '2025-01-01..2025-06-30'],
];
for (const [topup, expected] of PREPAID) {
  rules(`prepaid: a top-up on ${topup} is valid 180 days: ${expected}`, () => {
    assert.is(span(at(topup), { kind: 'prepaid', days: 180, lastTopup: date(topup), timeZone: 'Europe/Warsaw' }), expected);
  });
}

// Zones where the DST change skips local midnight (real tz data through Intl).
const GAPS: [string, number, string, string][] = [
  ['America/Santiago', 6, '2026-09-06', '2026-09-06T04:00:00.000Z'], // 00:00 -> 01:00, first Sunday of September
  ['Africa/Cairo', 24, '2026-04-24', '2026-04-23T22:00:00.000Z'], // 00:00 -> 01:00, last Friday of April
  ['America/Asuncion', 1, '2023-10-01', '2023-10-01T04:00:00.000Z'], // 00:00 -> 01:00, first Sunday of October
];
for (const [zone, day, gapDate, firstInstant] of GAPS) {
  rules(`in ${zone} a period starting on ${gapDate}, whose midnight is skipped, starts at the first instant after the gap`, () => {
    const spec: CycleSpec = { kind: 'monthly', day, timeZone: zone };
    const c = cycleAt(at(`${gapDate}T12:00`, zone), spec);
    assert.is(new Date(c.start).toISOString(), firstInstant);
    // The evening before still belongs to the previous period, up to the gap.
    const before = cycleAt(Date.parse(firstInstant) - 1, spec);
    assert.is(before.end, c.start);
    assert.is(formatDate(before.startDate) < gapDate, true);
  });
}

const DAYS_LEFT: [string, string, string, number][] = [
  // Warsaw: clocks go back on 25 October 2026, a 25-hour day; 7 dates (25..31) are left.
  ['Europe/Warsaw', '2026-10-25T00:30', '2026-11-01', 7],
  // Warsaw: clocks go forward on 29 March 2026; late on the 28th, 4 dates (28..31) are left.
  ['Europe/Warsaw', '2026-03-28T23:30', '2026-04-01', 4],
  ['America/Santiago', '2026-09-05T23:30', '2026-09-06', 1],
  ['UTC', '2026-02-28T00:00', '2026-03-01', 1],
];
for (const [zone, now, end, expected] of DAYS_LEFT) {
  rules(`days left in ${zone} at ${now}, the period ending on ${end}: ${expected} local dates`, () => {
    const day = Number(end.slice(8));
    const c = cycleAt(at(now, zone), { kind: 'monthly', day, timeZone: zone });
    assert.is(formatDate(c.endDate), end);
    assert.is(daysLeft(at(now, zone), c, zone), expected);
  });
}

const GB = 1e9;
function ledgerWith(cycleStart: number, cycleEnd: number, daily: Record<string, number>): Ledger {
  const ledger = emptyLedger({ start: cycleStart, end: cycleEnd });
  let total = 0;
  for (const [d, bytes] of Object.entries(daily)) {
    ledger.daily[d] = { down: bytes, up: 0 };
    total += bytes;
  }
  return { ...ledger, total: { down: total, up: 0 } };
}

rules('the forecast averages the last 7 local dates: a big day followed by a quiet week forecasts no run-out', () => {
  const zone = 'Europe/Warsaw';
  const start = at('2026-03-01T00:00', zone);
  const end = at('2026-04-01T00:00', zone);
  const ledger = ledgerWith(start, end, { '2026-03-05': 15 * GB });
  const f = forecast(ledger, { start, end }, at('2026-03-13T12:00', zone), 20 * GB, zone);
  assert.is(f.averagePerDay, 0);
  assert.is(f.capReachedAt, null);
});

rules('the forecast counts quiet dates as zeros, and today by the part of it that has passed', () => {
  const zone = 'Europe/Warsaw';
  const start = at('2026-03-01T00:00', zone);
  const end = at('2026-04-01T00:00', zone);
  // One busy date four days ago, nothing else: 6.5 GB over six whole dates and half of today.
  const ledger = ledgerWith(start, end, { '2026-03-16': 6.5 * GB });
  const f = forecast(ledger, { start, end }, at('2026-03-20T12:00', zone), 100 * GB, zone);
  assert.is(f.averagePerDay, 1 * GB);
});

rules('the forecast of a young cycle averages only the dates since it began', () => {
  const zone = 'UTC';
  const start = at('2026-03-18T00:00');
  const end = at('2026-04-18T00:00');
  const ledger = ledgerWith(start, end, { '2026-03-17': 50 * GB, '2026-03-18': 5 * GB });
  // 18th and 19th whole, the 20th half gone: 5 GB over 2.5 dates (the 17th is the last cycle's).
  const f = forecast({ ...ledger, total: { down: 5 * GB, up: 0 } }, { start, end }, at('2026-03-20T12:00'), 100 * GB, zone);
  assert.is(f.averagePerDay, 2 * GB);
});

rules.run();
