// Periods as the device lives them, through the HTTP API: a plan change takes
// effect at its instant; prepaid validity follows top-ups (Milo Telecom,
// 002_339516d54929f7eb.txt: funds valid 180 days after each top-up) and the
// operator's own expiry; a clock that jumps back never leaves a period in its future.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Status } from '../../../device-daemon/src/features/status/schemas.ts';
import { INSTALLER_PASSWORD, testApp } from '../../helpers/app.ts';

const periods = suite('billing periods through the API');
const MiB = 1024 ** 2;
type App = Awaited<ReturnType<typeof testApp>>;
type Session = Awaited<ReturnType<App['signIn']>>;

async function status(t: App, s: Session): Promise<Status> {
  return (await (await t.request('/api/status', { cookie: s.cookie })).json()) as Status;
}
async function history(t: App, s: Session) {
  return ((await (await t.request('/api/usage/history', { cookie: s.cookie })).json()) as { cycles: { start: string; end: string; total: number; topupBytes: number }[] }).cycles;
}
async function putPlan(t: App, s: Session, change: Record<string, unknown>) {
  const plan = (await (await t.request('/api/plan', { cookie: s.cookie })).json()) as Record<string, unknown>;
  const res = await t.request('/api/plan', { method: 'PUT', cookie: s.cookie, csrf: s.csrf, body: { ...plan, ...change } });
  assert.is(res.status, 200, await res.clone().text());
}
async function run(t: App, seconds: number) {
  for (let i = 0; i < seconds; i++) {
    t.advance(1000);
    await t.runtime.tick();
  }
}

periods('raising the cap mid-cycle closes the period at that instant, opens the next under the new cap, and lifts the throttle in the same request', async () => {
  const t = await testApp({ config: `config plan 'plan'\n\toption cap '2M'\n\toption timezone 'Europe/Warsaw'\n` });
  await run(t, 5);
  assert.ok(t.device.shaper, 'throttled at the 2M cap');
  let s = await t.signIn(INSTALLER_PASSWORD);
  const used = (await status(t, s)).usage.total;
  const flashed = t.flashWrites.filter((n) => n === 'usage').length;
  const changedAt = t.clock.now();
  await putPlan(t, s, { cap: 50 * MiB });
  assert.is(t.device.shaper, null, 'the throttle is gone at once');
  const after = await status(t, s);
  assert.is(after.usage.cycleStart, new Date(changedAt).toISOString(), 'the next period opens at the change');
  assert.is(after.usage.cycleEnd, '2026-11-30T23:00:00.000Z', 'and runs to the rule\'s next boundary (1 December in Warsaw)');
  assert.is(after.usage.total, 0);
  assert.is(after.usage.allowance, 50 * MiB);
  const past = await history(t, s);
  assert.is(past.length, 1);
  assert.is(past[0]!.end, new Date(changedAt).toISOString(), 'the old period closed at the change');
  assert.is(past[0]!.total, used);
  assert.is(t.flashWrites.filter((n) => n === 'usage').length, flashed + 1, 'the closed period goes to flash at once');
});

periods('a new time zone or cycle day takes effect at once: the period ends at the new rule\'s boundary', async () => {
  const t = await testApp({ config: `config plan 'plan'\n\toption cap '20G'\n\toption timezone 'UTC'\n` });
  let s = await t.signIn(INSTALLER_PASSWORD);
  await putPlan(t, s, { timezone: 'Pacific/Kiritimati' });
  assert.is((await status(t, s)).usage.cycleEnd, '2026-11-30T10:00:00.000Z', '1 December at UTC+14');
  await putPlan(t, s, { cycleDay: 25 });
  const now = await status(t, s);
  assert.is(now.usage.cycleEnd, '2026-11-24T10:00:00.000Z', '25 November at UTC+14');
  assert.is((await history(t, s)).length, 2);
});

periods('a policy change keeps the period and lifts a throttle the new policy does not want', async () => {
  const t = await testApp({ config: `config plan 'plan'\n\toption cap '2M'\n` });
  await run(t, 5);
  assert.ok(t.device.shaper);
  let s = await t.signIn(INSTALLER_PASSWORD);
  const before = await status(t, s);
  await putPlan(t, s, { policy: 'alert' });
  assert.is(t.device.shaper, null);
  const after = await status(t, s);
  assert.is(after.usage.cycleStart, before.usage.cycleStart);
  assert.is(after.usage.total, before.usage.total);
  assert.is((await history(t, s)).length, 0);
});

periods('ISP 003 as a plan: delivered January 15, the period after the first 30 days runs February 14 to February 28', async () => {
  const t = await testApp({ config: `config plan 'plan'\n\toption cycle 'calendar'\n\toption cycle_anchor '2026-01-15'\n\toption cycle_first_days '30'\n\toption timezone 'America/Los_Angeles'\n\toption cap '800GB'\n\toption policy 'alert'\n` });
  let s = await t.signIn(INSTALLER_PASSWORD);
  assert.is(((await (await t.request('/api/plan', { cookie: s.cookie })).json()) as { cycleFirstDays: number }).cycleFirstDays, 30);
  t.clock.set(Date.UTC(2026, 1, 20, 12));
  await t.runtime.tick();
  s = await t.signIn(INSTALLER_PASSWORD); // sessions end after 12 hours
  const feb = await status(t, s);
  assert.is(feb.usage.cycleStart, '2026-02-14T08:00:00.000Z');
  assert.is(feb.usage.cycleEnd, '2026-03-01T08:00:00.000Z');
  assert.is(feb.usage.allowance, Math.floor((800e9 * 15) / 28), 'prorated: 15 of February\'s 28 days');
  t.clock.set(Date.UTC(2026, 2, 10, 12));
  await t.runtime.tick();
  s = await t.signIn(INSTALLER_PASSWORD); // sessions end after 12 hours
  const mar = await status(t, s);
  assert.is(mar.usage.cycleStart, '2026-03-01T08:00:00.000Z');
  assert.is(mar.usage.cycleEnd, '2026-04-01T07:00:00.000Z', 'March whole (DST began on the 8th)');
  assert.is(mar.usage.allowance, 800e9);
});

const PREPAID = `config plan 'plan'\n\toption cycle 'prepaid'\n\toption cycle_days '180'\n\toption cycle_anchor '2026-11-01'\n\toption timezone 'Europe/Warsaw'\n\toption cap '1G'\n\tlist topup_size '512M'\n`;

periods('prepaid: a top-up moves the end to its date plus 180 days; at the end the period closes, what was left is gone, and the overview says so', async () => {
  const t = await testApp({ config: PREPAID });
  let s = await t.signIn(INSTALLER_PASSWORD);
  const first = await status(t, s);
  assert.is(first.usage.cycleEnd, '2027-04-29T22:00:00.000Z', '1 November + 180 days: 30 April, Warsaw time');
  assert.is(first.usage.validity?.lapsed, false);
  // 21 November (the test clock's date) to 30 April: 160 local dates.
  assert.is(first.usage.validity?.daysLeft, 160);
  const res = await t.request('/api/topups', { method: 'POST', cookie: s.cookie, csrf: s.csrf, body: { bytes: 512 * MiB } });
  assert.is(res.status, 201);
  const topped = await status(t, s);
  assert.is(topped.usage.cycleEnd, '2027-05-19T22:00:00.000Z', '21 November + 180 days: 20 May');
  assert.is(topped.usage.validity?.daysLeft, 180);
  assert.is(topped.usage.allowance, 1024 ** 3 + 512 * MiB);
  // Validity runs out.
  t.clock.set(Date.parse('2027-05-20T08:00:00Z'));
  await t.runtime.tick();
  s = await t.signIn(INSTALLER_PASSWORD); // sessions end after 12 hours
  const lapsed = await status(t, s);
  assert.equal(lapsed.usage.validity, { endsAt: '2027-05-19T22:00:00.000Z', daysLeft: 0, lapsed: true });
  assert.is(lapsed.usage.allowance, 0, 'what was left is gone');
  assert.is(lapsed.usage.left, 0);
  assert.is(lapsed.usage.overCap, false, 'validity ended: not a cap reached');
  assert.is(t.device.shaper, null, 'the throttle policy adds no throttle: the operator stops the line itself');
  assert.not.ok(t.device.blocked);
  const past = await history(t, s);
  assert.is(past[0]!.end, '2027-05-19T22:00:00.000Z');
  assert.is(past[0]!.topupBytes, 512 * MiB, 'the top-up closed with its period');
  // A top-up brings it back: a new period from the top-up for 180 days.
  const again = await t.request('/api/topups', { method: 'POST', cookie: s.cookie, csrf: s.csrf, body: { bytes: 512 * MiB } });
  assert.is(again.status, 201);
  const renewed = await status(t, s);
  assert.is(renewed.usage.validity?.lapsed, false);
  assert.is(renewed.usage.cycleStart, new Date(t.clock.now()).toISOString());
  assert.is(renewed.usage.cycleEnd, '2027-11-15T23:00:00.000Z', '20 May + 180 days: 16 November');
  assert.is(renewed.usage.validity?.daysLeft, 180);
});

periods('prepaid with the block policy: the daemon blocks the line once validity has ended, and a top-up lifts it', async () => {
  const t = await testApp({ config: PREPAID.replace("option cap '1G'", "option cap '1G'\n\toption policy 'block'") });
  let s = await t.signIn(INSTALLER_PASSWORD);
  t.clock.set(Date.parse('2027-05-01T08:00:00Z'));
  await t.runtime.tick();
  s = await t.signIn(INSTALLER_PASSWORD); // sessions end after 12 hours
  assert.ok(t.device.blocked);
  assert.ok((await status(t, s)).usage.validity?.lapsed);
  await t.request('/api/topups', { method: 'POST', cookie: s.cookie, csrf: s.csrf, body: { bytes: 512 * MiB } });
  assert.not.ok(t.device.blocked);
});

periods('prepaid: the expiry in the operator\'s balance reply wins over our count of days', async () => {
  const t = await testApp({ config: PREPAID });
  let s = await t.signIn(INSTALLER_PASSWORD);
  // Play's reply (see the balance templates): valid through 4 September 2027.
  await t.runtime.operatorValidity({ expiry: '2027-09-04', days: null });
  assert.is((await status(t, s)).usage.cycleEnd, '2027-09-04T22:00:00.000Z', 'through the 4th, Warsaw time');
  await t.runtime.operatorValidity({ expiry: null, days: 10 });
  assert.is((await status(t, s)).usage.validity?.daysLeft, 10);
});

periods('a trusted clock that jumps back before the period began re-opens the period of the new time, losing no bytes', async () => {
  const t = await testApp({ config: `config plan 'plan'\n\toption cap '20G'\n\toption timezone 'UTC'\n` });
  let s = await t.signIn(INSTALLER_PASSWORD);
  t.clock.set(Date.UTC(2026, 11, 3, 12));
  await run(t, 3);
  s = await t.signIn(INSTALLER_PASSWORD); // sessions end after 12 hours
  const december = await status(t, s);
  assert.is(december.usage.cycleStart, '2026-12-01T00:00:00.000Z');
  const counted = december.usage.total + (await history(t, s))[0]!.total;
  t.clock.set(Date.UTC(2026, 10, 25, 12)); // back to November
  await t.runtime.tick();
  s = await t.signIn(INSTALLER_PASSWORD); // sessions end after 12 hours
  const now = await status(t, s);
  assert.ok(Date.parse(now.usage.cycleStart) <= t.clock.now() && t.clock.now() < Date.parse(now.usage.cycleEnd), 'the period holds the clock');
  assert.is(now.usage.cycleStart, '2026-11-01T00:00:00.000Z');
  assert.ok(now.usage.total >= counted, 'nothing counted was lost');
  assert.is((await history(t, s)).length, 0);
});

periods.run();
