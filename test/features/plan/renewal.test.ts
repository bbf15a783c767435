// What a period's end does, as Unwired's terms say it (004_15524e9dad890f32.txt): "your
// bandwidth will be throttled to 64/64kbps for the remainder of your billing cycle until it
// is renewed"; "All data must be used by the end of the month ... Unused data will not
// rollover"; top-ups "expired same month". Millenicom's block (000_77429215ac863265.txt)
// ends with the month as well.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Status } from '../../../device-daemon/src/features/status/schemas.ts';
import { INSTALLER_PASSWORD, testApp } from '../../helpers/app.ts';

const renewal = suite('the end of a billing period');
const MiB = 1024 ** 2;
// Monthly from the 15th in Fiji (UTC+12): the period of the test clock's 21 November ends on
// 15 December at local midnight, 14 December 12:00 UTC.
const PLAN = (policy: string) =>
  `config plan 'plan'\n\toption cycle 'monthly'\n\toption cycle_day '15'\n\toption timezone 'Pacific/Fiji'\n\toption cap '2MiB'\n\toption policy '${policy}'\n\toption throttle_down_kbit '64'\n\toption throttle_up_kbit '64'\n\tlist topup_size '512MiB'\n`;
const BOUNDARY = Date.UTC(2026, 11, 14, 12);

type App = Awaited<ReturnType<typeof testApp>>;
async function run(t: App, seconds: number) {
  for (let i = 0; i < seconds; i++) {
    t.advance(1000);
    await t.runtime.tick();
  }
}
const status = async (t: App, cookie: string) => (await (await t.request('/api/status', { cookie })).json()) as Status;

renewal('a throttle at the cap lasts the rest of the period and is lifted in the first tick of the next', async () => {
  const t = await testApp({ config: PLAN('throttle') });
  await run(t, 5);
  assert.equal(t.device.shaper && [t.device.shaper.downKbit, t.device.shaper.upKbit], [64, 64], '64/64 kbit/s at the cap');
  t.clock.set(BOUNDARY - 1000);
  await t.runtime.tick();
  assert.ok(t.device.shaper, 'still throttled a second before the renewal');
  t.clock.set(BOUNDARY + 1000);
  await t.runtime.tick();
  assert.is(t.device.shaper, null, 'full speed in the new period');
  const s = await t.signIn(INSTALLER_PASSWORD);
  const now = await status(t, s.cookie);
  assert.is(now.usage.cycleStart, new Date(BOUNDARY).toISOString());
  assert.is(now.usage.state, 'normal');
});

renewal('a top-up lasts until the period ends: the next period has the cap alone, and the history keeps the top-up', async () => {
  const t = await testApp({ config: PLAN('block') });
  await run(t, 5);
  assert.ok(t.device.blocked, 'service stops at the cap');
  const s = await t.signIn(INSTALLER_PASSWORD);
  const res = await t.request('/api/topups', { method: 'POST', cookie: s.cookie, csrf: s.csrf, body: { bytes: 512 * MiB } });
  assert.is(res.status, 201);
  assert.is(t.device.blocked, false, 'the top-up lifts the block at once');
  assert.is((await status(t, s.cookie)).usage.allowance, 514 * MiB);
  t.clock.set(BOUNDARY + 1000);
  await t.runtime.tick();
  const next = await status(t, (await t.signIn(INSTALLER_PASSWORD)).cookie);
  assert.is(next.usage.allowance, 2 * MiB, 'unused top-up data does not roll over');
  assert.ok(next.usage.total < 2 * MiB, 'the count starts again');
  const past = ((await (await t.request('/api/usage/history', { cookie: s.cookie })).json()) as { cycles: { end: string; topupBytes: number }[] }).cycles;
  assert.equal([past[0]!.end, past[0]!.topupBytes], [new Date(BOUNDARY).toISOString(), 512 * MiB]);
});

renewal.run();
