import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cycleAt, daysLeft } from '../../device-daemon/src/core/billing-cycle.ts';
import { addDays, formatDate, fromLocal, toLocal } from '../../device-daemon/src/core/zoned-time.ts';

const cycles = suite('billing cycles');
const ZONES = ['Pacific/Fiji', 'Europe/Warsaw', 'America/Los_Angeles'];
const at = (iso: string, zone: string) => {
  const [d, t = '00:00:00'] = iso.split('T') as [string, string?];
  const [year, month, day] = d.split('-').map(Number) as [number, number, number];
  const [hour, minute, second] = t.split(':').map(Number) as [number, number, number];
  return fromLocal({ year, month, day, hour, minute, second }, zone);
};
const local = (ms: number, zone: string) => {
  const t = toLocal(ms, zone);
  return `${formatDate(t)}T${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
};

cycles('monthly from day 15: the cycle runs from local midnight of the 15th to the next 15th', () => {
  const zone = 'Europe/Warsaw';
  const c = cycleAt(at('2026-03-20T10:00:00', zone), { kind: 'monthly', day: 15, timeZone: zone });
  assert.is(local(c.start, zone), '2026-03-15T00:00');
  assert.is(local(c.end, zone), '2026-04-15T00:00');
  const before = cycleAt(at('2026-03-14T23:59:59', zone), { kind: 'monthly', day: 15, timeZone: zone });
  assert.is(local(before.start, zone), '2026-02-15T00:00');
  assert.is(before.end, c.start);
});

cycles('day 31 clamps to the last day of short months, and back to 31 after them', () => {
  const zone = 'UTC';
  const spec = { kind: 'monthly' as const, day: 31, timeZone: zone };
  const feb = cycleAt(at('2026-02-10', zone), spec);
  assert.is(formatDate(feb.startDate), '2026-01-31');
  assert.is(formatDate(feb.endDate), '2026-02-28');
  const mar = cycleAt(at('2026-03-01', zone), spec);
  assert.is(formatDate(mar.startDate), '2026-02-28');
  assert.is(formatDate(mar.endDate), '2026-03-31');
  const leap = cycleAt(at('2028-02-29T12:00:00', zone), spec);
  assert.is(formatDate(leap.startDate), '2028-02-29');
});

cycles('"last" means the last day of every month', () => {
  const c = cycleAt(at('2026-04-30T08:00:00', 'UTC'), { kind: 'monthly', day: 'last', timeZone: 'UTC' });
  assert.is(formatDate(c.startDate), '2026-04-30');
  assert.is(formatDate(c.endDate), '2026-05-31');
});

cycles('calendar months prorate the first period from activation', () => {
  const zone = 'Europe/Warsaw';
  const spec = { kind: 'calendar' as const, timeZone: zone, activated: { year: 2026, month: 4, day: 21 } };
  const first = cycleAt(at('2026-04-25T12:00:00', zone), spec);
  assert.is(formatDate(first.startDate), '2026-04-21');
  assert.is(formatDate(first.endDate), '2026-05-01');
  assert.is(first.allowanceShare, 10 / 30);
  const next = cycleAt(at('2026-05-02', zone), spec);
  assert.is(formatDate(next.startDate), '2026-05-01');
  assert.is(next.allowanceShare, 1);
});

cycles('fixed N-day periods count from the anchor', () => {
  const spec = { kind: 'days' as const, days: 30, anchor: { year: 2026, month: 1, day: 1 }, timeZone: 'UTC' };
  const c = cycleAt(at('2026-03-05', 'UTC'), spec);
  assert.is(formatDate(c.startDate), '2026-03-02');
  assert.is(formatDate(c.endDate), '2026-04-01');
});

cycles('prepaid validity runs N days from the last top-up', () => {
  const spec = { kind: 'prepaid' as const, days: 180, lastTopup: { year: 2026, month: 6, day: 1 }, timeZone: 'UTC' };
  const c = cycleAt(at('2026-07-01', 'UTC'), spec);
  assert.is(formatDate(c.endDate), '2026-11-28');
});

for (const zone of ZONES) {
  cycles(`a year of daily instants in ${zone}: cycles tile time without gaps, start at local midnight of day 1`, () => {
    const spec = { kind: 'monthly' as const, day: 1, timeZone: zone };
    let date = { year: 2026, month: 1, day: 1 };
    const seen = new Set<number>();
    for (let i = 0; i < 400; i++) {
      for (const hour of [0, 1, 2, 3, 12, 23]) {
        const ms = fromLocal({ ...date, hour, minute: 30, second: 0 }, zone);
        const c = cycleAt(ms, spec);
        assert.ok(c.start <= ms && ms < c.end, `${formatDate(date)} ${hour}:30 in ${zone}`);
        const startLocal = toLocal(c.start, zone);
        assert.is(startLocal.day, 1);
        // Midnight, or the first instant after a DST gap that swallowed midnight.
        assert.ok(startLocal.hour <= 1, `${zone} cycle starts at ${local(c.start, zone)}`);
        assert.is(cycleAt(c.end, spec).start, c.end, 'the next cycle starts where this one ends');
        assert.is(cycleAt(c.end - 1, spec).start, c.start);
        seen.add(c.start);
      }
      date = addDays(date, 1);
    }
    assert.is(seen.size, 14);
  });
}

cycles('a DST change inside a cycle does not move its boundaries (Warsaw, March 2026)', () => {
  const zone = 'Europe/Warsaw';
  const c = cycleAt(at('2026-03-29T12:00:00', zone), { kind: 'monthly', day: 1, timeZone: zone });
  assert.is(local(c.start, zone), '2026-03-01T00:00');
  assert.is(local(c.end, zone), '2026-04-01T00:00');
  assert.is(c.end - c.start, (31 * 24 - 1) * 3_600_000);
});

cycles('days left counts local dates, today included', () => {
  const c = cycleAt(at('2026-03-20T10:00:00', 'UTC'), { kind: 'monthly', day: 1, timeZone: 'UTC' });
  assert.is(daysLeft(at('2026-03-20T10:00:00', 'UTC'), c, 'UTC'), 12);
  assert.is(daysLeft(at('2026-03-31T23:00:00', 'UTC'), c, 'UTC'), 1);
});

cycles.run();
