// When the device checks its channel again: every ota.poll_hours (6 by
// default) with up to 10% jitter either way, so a fleet spreads out; after
// failed checks sooner, backing off from 5 minutes and doubling, never
// beyond the poll interval; a good check goes back to the interval.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { manualClock } from '../../../device-daemon/src/ports/clock/system.ts';
import { memoryStore } from '../../../device-daemon/src/ports/store/memory.ts';
import { channel, device, otaConfig, type Channel } from '../../helpers/updates.ts';

const schedule = suite('updates: when to check again');
const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const HOUR = 3_600_000;
const MIN = 60_000;
let ch: Channel;

schedule.before(async () => {
  ch = await channel(NOW);
  ch.publish([{ id: 'r1', kind: 'package', version: '0.2.0-1', file: 'a.ipk', earliestInstall: '2026-12-01T00:00:00Z' }], { 'a.ipk': ch.ipk('0.2.0-1') });
});
schedule.after(() => ch.server.close());

const service = (url: string, extra = '') => device().service({ config: otaConfig(url, ch.rootLine, extra), store: memoryStore(), clock: manualClock(NOW) });

schedule('every 6 hours by default, up to 10% earlier or later', async () => {
  const s = await service(ch.server.url);
  assert.ok((await s.check()).ok);
  assert.is(await s.nextCheckInMs(0), 0.9 * 6 * HOUR);
  assert.is(await s.nextCheckInMs(0.5), 6 * HOUR);
  assert.is(await s.nextCheckInMs(0.999999), Math.round(6 * HOUR * (0.9 + 0.2 * 0.999999)));
});

schedule('ota.poll_hours sets the interval', async () => {
  const s = await service(ch.server.url, "\toption poll_hours '2'\n");
  assert.ok((await s.check()).ok);
  assert.is(await s.nextCheckInMs(0.5), 2 * HOUR);
});

schedule('failed checks come back after 5, 10, 20 minutes ... never beyond the interval, and a good check resets it', async () => {
  const s = await service(`${ch.server.url}/gone`, "\toption poll_hours '1'\n");
  const waits: number[] = [];
  for (let i = 0; i < 5; i++) {
    assert.not.ok((await s.check()).ok);
    waits.push(await s.nextCheckInMs(0.5));
  }
  assert.equal(waits, [5 * MIN, 10 * MIN, 20 * MIN, 40 * MIN, 60 * MIN]);
  // The server is back with the channel at that address.
  for (const [path, bytes] of [...ch.server.files]) if (!path.startsWith('/gone/')) ch.server.files.set(`/gone${path}`, bytes);
  assert.ok((await s.check()).ok);
  assert.is(await s.nextCheckInMs(0.5), HOUR);
});

schedule.run();
