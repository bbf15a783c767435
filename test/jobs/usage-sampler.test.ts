// The sampling loop on the simulated device with hand-moved clocks.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readConfig } from '../../device-daemon/src/core/config.ts';
import { parseUciText } from '../../device-daemon/src/core/uci-text.ts';
import { createUsageSampler } from '../../device-daemon/src/jobs/usage-sampler.ts';
import { simAccounting } from '../../device-daemon/src/ports/accounting/sim.ts';
import { manualClock } from '../../device-daemon/src/ports/clock/system.ts';
import { simCounters } from '../../device-daemon/src/ports/counters/sim.ts';
import { SimDevice } from '../../device-daemon/src/ports/sim/device.ts';

const sampler = suite('usage sampler');
const plan = readConfig(parseUciText('modem-admin', `config plan 'plan'\n\toption timezone 'Europe/Warsaw'\n\toption cap '20G'\n`)).plan;

function rig(start = Date.UTC(2026, 2, 31, 20, 0, 0)) {
  let mono = 0;
  const clock = manualClock(start);
  const device = new SimDevice({ monotonic: () => mono, downBytesPerSecond: 100_000 });
  const accounting = simAccounting(device);
  const make = (initial: Parameters<typeof createUsageSampler>[1]) =>
    createUsageSampler(
      { counters: simCounters(device, 'wwan0'), accounting, clock, monotonic: () => mono, wanDevice: 'wwan0', plan: () => plan, maxBytesPerSecond: 125_000_000, tickMs: 1000, log: () => {} },
      initial,
    );
  const step = (ms: number) => {
    mono += ms;
    clock.advance(ms);
  };
  return { clock, device, accounting, make, step };
}

sampler('counts exactly what the WAN counters moved, split by day', async () => {
  const r = rig();
  await r.accounting.ensure();
  const s = r.make(null);
  await s.tick();
  const start = { ...r.device.wan };
  for (let i = 0; i < 30; i++) {
    r.step(1000);
    await s.tick();
  }
  const total = s.ledger().total;
  assert.is(total.down, r.device.wan.rxBytes - start.rxBytes);
  assert.is(total.up, r.device.wan.txBytes - start.txBytes);
  const days = Object.values(s.ledger().daily);
  assert.is(days.reduce((sum, d) => sum + d.down, 0), total.down);
});

sampler('a modem reconnect mid-cycle counts the new interface from its zero, with no phantom bytes', async () => {
  const r = rig();
  const s = r.make(null);
  await s.tick();
  r.step(5000);
  await s.tick();
  const before = s.ledger().total.down;
  const rxBefore = r.device.wan.rxBytes;
  r.step(1000);
  r.device.advance();
  const lastBefore = r.device.wan.rxBytes - rxBefore;
  r.device.reconnect();
  r.step(1000);
  await s.tick();
  // What moved on the old interface after the last reading is gone with it; what moved since is counted.
  assert.is(s.ledger().total.down, before + r.device.wan.rxBytes);
  assert.ok(lastBefore > 0);
});

sampler('a daemon restart resumes from the stored state and counts the traffic of the gap', async () => {
  const r = rig();
  const first = r.make(null);
  await first.tick();
  r.step(10_000);
  await first.tick();
  const stored = JSON.parse(JSON.stringify(first.state()));
  r.step(3000); // the daemon is down for 3 s; the counters keep going
  const second = r.make(stored);
  await second.tick();
  // Stored total plus everything the counters moved since the stored reading.
  assert.is(second.ledger().total.down, stored.ledger.total.down + r.device.wan.rxBytes - stored.wan.rxBytes);
  assert.ok(r.device.wan.rxBytes - stored.wan.rxBytes > 0);
});

sampler('a daemon started on a new simulated device after a stop of more than 35 s counts only what moved since, as after a reboot', async () => {
  const r = rig();
  const first = r.make(null);
  await first.tick();
  for (let i = 0; i < 20; i++) {
    r.step(1000);
    await first.tick();
  }
  const stored = JSON.parse(JSON.stringify(first.state()));
  // `npm start` again, 60 s later: a new simulated router, its WAN counters from zero
  // under the same ifindex; at 1 Gbit/s a 32-bit counter could have wrapped in 35 s.
  r.step(60_000);
  let mono = 0;
  const device = new SimDevice({ monotonic: () => mono, downBytesPerSecond: 100_000 });
  assert.is(device.wan.ifindex, stored.wan.ifindex);
  assert.is.not(device.bootId, stored.wan.bootId);
  const second = createUsageSampler(
    { counters: simCounters(device, 'wwan0'), accounting: simAccounting(device), clock: r.clock, monotonic: () => mono, wanDevice: 'wwan0', plan: () => plan, maxBytesPerSecond: 125_000_000, tickMs: 1000, log: () => {} },
    stored,
  );
  mono += 5000;
  await second.tick();
  assert.ok(device.wan.rxBytes > 0);
  assert.is(second.ledger().total.down, stored.ledger.total.down + device.wan.rxBytes);
  assert.is(second.ledger().total.up, stored.ledger.total.up + device.wan.txBytes);
  assert.equal(second.notes(), ['rebooted']);
});

sampler('the cycle rolls over once at the boundary, and only on trusted time', async () => {
  const r = rig(Date.UTC(2026, 2, 31, 21, 59, 0)); // 23:59 in Warsaw (CEST, UTC+2) on 31 March
  const s = r.make(null);
  await s.tick();
  r.step(30_000);
  await s.tick();
  const march = s.ledger().cycleStart;
  r.clock.setTrusted(false);
  r.step(60_000);
  await s.tick();
  assert.is(s.ledger().cycleStart, march, 'no rollover on untrusted time');
  r.clock.setTrusted(true);
  await s.tick();
  assert.is.not(s.ledger().cycleStart, march);
  assert.is(s.ledger().history.length, 1);
  assert.is(s.ledger().history[0]!.start, march);
  // The clock jumps back into March: nothing rolls again, nothing is lost.
  r.clock.set(Date.UTC(2026, 2, 31, 12, 0, 0));
  await s.tick();
  r.clock.set(Date.UTC(2026, 3, 1, 12, 0, 0));
  await s.tick();
  assert.is(s.ledger().history.length, 1);
});

sampler('a first boot on untrusted time (the build date) moves its count to the real cycle at NTP sync, closing nothing', async () => {
  const r = rig(Date.UTC(2026, 0, 15, 12, 0, 0)); // the firmware's build date
  r.clock.setTrusted(false);
  const s = r.make(null);
  await s.tick();
  for (let i = 0; i < 5; i++) {
    r.step(1000);
    await s.tick();
  }
  const counted = s.ledger().total.down;
  assert.ok(counted > 0);
  assert.ok(s.ledger().provisional);
  r.clock.set(Date.UTC(2026, 10, 21, 12, 0, 0)); // NTP: the real date
  r.clock.setTrusted(true);
  await s.tick();
  assert.is(s.ledger().history.length, 0, 'no bogus January cycle was closed');
  assert.ok(s.ledger().total.down >= counted, 'nothing counted before the sync was lost');
  assert.is(new Date(s.ledger().cycleStart).toISOString(), '2026-10-31T23:00:00.000Z', 'the November cycle in Warsaw');
  assert.not.ok(s.ledger().provisional);
});

sampler('a stored cycle is kept when the clock starts untrusted after a reboot, and rolls over once it is trusted', async () => {
  const r = rig(Date.UTC(2026, 10, 30, 22, 0, 0)); // 23:00 on 30 November in Warsaw
  const first = r.make(null);
  await first.tick();
  r.step(2000);
  await first.tick();
  const stored = JSON.parse(JSON.stringify(first.state()));
  r.clock.set(Date.UTC(2026, 0, 15)); // reboot: the clock starts at the build date
  r.clock.setTrusted(false);
  const second = r.make(stored);
  await second.tick();
  assert.is(second.ledger().cycleStart, stored.ledger.cycleStart);
  r.clock.set(Date.UTC(2026, 11, 1, 8, 0, 0)); // NTP: 1 December
  r.clock.setTrusted(true);
  await second.tick();
  await second.tick();
  assert.is(second.ledger().history.length, 1, 'November closed once');
  assert.is(second.ledger().history[0]!.start, stored.ledger.cycleStart);
});

sampler('an interface gone for minutes counts nothing meanwhile and, re-created, counts from its own zero within what the link could carry', async () => {
  const r = rig();
  const s = r.make(null);
  await s.tick();
  r.step(1000);
  await s.tick();
  const before = s.ledger().total.down;
  r.device.wan.present = false;
  for (let i = 0; i < 180; i++) {
    r.step(1000);
    await s.tick();
  }
  assert.is(s.ledger().total.down, before, 'nothing while missing');
  assert.ok(s.notes().includes('missing'));
  r.device.reconnect();
  r.step(1000);
  await s.tick();
  assert.is(s.ledger().total.down, before + r.device.wan.rxBytes);
  assert.ok(s.notes().includes('recreated'));
});

sampler.run();
