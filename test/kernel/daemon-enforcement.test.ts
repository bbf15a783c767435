// The real daemon process (dist/daemon.mjs --platform linux) inside the router
// namespace of a client <-> router <-> internet topology, with real TCP through
// it: the cap crossed during a transfer throttles the line within two ticks, a
// modem reconnect gets its shaping back, a restart never lifts the throttle,
// and the block policy stops forwarding until an installer's top-up.
//
// The cap is on down + up (the daemon's "used"), so the crossing moment is
// taken where the WAN's rx + tx moved past the cap since the daemon's first
// reading (taken before it answered /healthz, with no traffic yet).
import { performance } from 'node:perf_hooks';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ifbNameFor } from '../../device-daemon/src/ports/shaper/tc.ts';
import { type Netns, withNetns } from '../helpers/netns.ts';
import { missing } from '../helpers/requires.ts';
import {
  blockTable,
  daemonConfig,
  hashPassword,
  type RouterDaemon,
  shaping,
  sleep,
  startRouterDaemon,
  throttledTo,
  wanCounters,
} from '../helpers/router-daemon.ts';
import { reconnectWan, routerTopology, type Topology, WAN } from '../helpers/router-topology.ts';

const POLL_MS = 1000;
const MIB = 1024 * 1024;
const CUSTOMER = 'customer-password-1';
const INSTALLER = 'installer-password-1';
// Sampling our own figures: one `tc` and one `cat` through `ip netns exec`,
// about 10-30 ms each on this machine, every ~100 ms.
const SAMPLE_MS = 100;
// On top of two ticks: our sampling interval (the crossing and the qdisc are
// each seen up to one sample late or early) and the daemon's `tc`/`ip` runs.
const ALLOWANCE_MS = 300;

const enforcement = suite('the real daemon enforcing the plan in network namespaces');
const reason = missing({ root: true, commands: ['ip', 'tc', 'nft'] });
if (reason) console.log(`  skipping daemon enforcement tests: ${reason}`);
const test = reason ? enforcement.skip : enforcement;

const used = (c: { rx: number; tx: number }, base: { rx: number; tx: number }) => c.rx + c.tx - (base.rx + base.tx);

/** TCP payload kbit/s of a short download (internet -> LAN client), timed by the receiver. */
async function downloadKbit(net: Netns, t: Topology, bytes: number, port: number): Promise<number> {
  const moved = await net.sendTcp({ from: t.inet, to: t.client, address: t.lan.a.ipv4, bytes, port, warmupMs: 0, timeoutMs: 15_000 });
  assert.is(moved.received, bytes);
  assert.ok(moved.steady && moved.steady.ms > 0, JSON.stringify(moved));
  return (moved.steady.bytes * 8) / moved.steady.ms;
}

/** Whether a 1000-byte TCP transfer from the LAN client to the internet gets through within 2 s. */
async function forwards(net: Netns, t: Topology, port: number): Promise<boolean> {
  try {
    const moved = await net.sendTcp({ from: t.client, to: t.inet, address: t.wan.b.ipv4, bytes: 1000, timeoutMs: 2000, port });
    return moved.received === 1000;
  } catch {
    return false;
  }
}

async function until<T>(what: string, timeoutMs: number, check: () => Promise<T | false | null | undefined>): Promise<{ value: T; at: number }> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return { value, at: performance.now() };
    if (performance.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** A router with the daemon on a 1 MiB cap, throttled by an unpaced 4 MiB download. */
async function throttledRouter(net: Netns): Promise<{ t: Topology; daemon: RouterDaemon }> {
  const t = await routerTopology(net);
  const daemon = await startRouterDaemon(net, t, daemonConfig({ pollMs: POLL_MS, cap: '1M', policy: 'throttle' }));
  try {
    const moved = await net.sendTcp({ from: t.inet, to: t.client, address: t.lan.a.ipv4, bytes: 4 * MIB, port: 5210 });
    assert.is(moved.received, 4 * MIB);
    await until('the throttle', 3 * POLL_MS, async () => throttledTo(await shaping(net, t.router), 64));
  } catch (error) {
    await daemon.close();
    throw error;
  }
  return { t, daemon };
}

test('crossing the cap during a download throttles the line within two ticks, and it holds about 64 kbit/s', async () => {
  await withNetns(async (net) => {
    const t = await routerTopology(net);
    // The line's own speed, like an LTE link: 20 Mbit/s towards the router, so
    // the 4 MiB cap is crossed about 1.7 s into the transfer, mid-tick.
    await net.exec(t.inet, ['tc', 'qdisc', 'add', 'dev', 'isp0', 'root', 'tbf', 'rate', '20mbit', 'burst', '32kb', 'latency', '100ms']);
    const daemon = await startRouterDaemon(net, t, daemonConfig({ pollMs: POLL_MS, cap: '4M', policy: 'throttle' }));
    try {
      const session = await daemon.setup(CUSTOMER);
      const base = await wanCounters(net, t.router);
      assert.equal(await shaping(net, t.router), { up: null, down: null, ingress: false, redirect: false }, 'not shaped below the cap');

      // 32 MiB would take 13 s at 20 Mbit/s: still running when the throttle comes.
      // Both ends give up after 6 s (the rest would crawl at 64 kbit/s).
      const bulk = net.sendTcp({ from: t.inet, to: t.client, address: t.lan.a.ipv4, bytes: 32 * MIB, port: 5201, timeoutMs: 6000 }).catch(() => null);
      const start = performance.now();
      let crossed: { at: number; used: number; prevAt: number } | null = null;
      let applied: { at: number; prevAt: number } | null = null;
      let prevAt = start;
      while (!applied && performance.now() - start < 8000) {
        const [counters, shaped] = await Promise.all([wanCounters(net, t.router), shaping(net, t.router)]);
        const at = performance.now();
        const moved = used(counters, base);
        if (!crossed && moved >= 4 * MIB) crossed = { at, used: moved, prevAt };
        if (throttledTo(shaped, 64)) applied = { at, prevAt };
        prevAt = at;
        await sleep(Math.max(0, SAMPLE_MS - (performance.now() - at)));
      }
      assert.ok(crossed, 'the download crossed the cap');
      assert.ok(applied, 'the throttle came');
      const delay = applied.at - crossed.at;
      console.log(
        `    cap crossed ${(crossed.at - start).toFixed(0)} ms into the download (seen at ${(crossed.used / MIB).toFixed(2)} MiB, ` +
          `sample interval ${(crossed.at - crossed.prevAt).toFixed(0)} ms); tbf seen ${delay.toFixed(0)} ms later ` +
          `(between ${(applied.prevAt - crossed.at).toFixed(0)} and ${delay.toFixed(0)} ms); limit 2 ticks + ${ALLOWANCE_MS} ms = ${2 * POLL_MS + ALLOWANCE_MS} ms`,
      );
      assert.ok(delay <= 2 * POLL_MS + ALLOWANCE_MS, `the throttle came ${delay.toFixed(0)} ms after the cap was crossed`);

      const status = (await daemon.request('GET', '/api/status', { session })).json();
      assert.is(status.usage.state, 'throttled', JSON.stringify(status.usage));
      await bulk;
      // Whatever the bulk transfer left queued in the 1.5 s tbf queue drains first.
      await sleep(1500);
      // 3 s at 64 kbit/s; the receiver times first byte to last. Expected ~61
      // kbit/s of payload (tbf counts 1514-byte frames for 1448 payload bytes);
      // the shaper suite measures precisely, this only checks it is the 64 kbit/s line.
      const kbit = await downloadKbit(net, t, 24_000, 5202);
      console.log(`    throttled download: ${kbit.toFixed(1)} kbit/s of TCP payload (expected about 61)`);
      assert.ok(kbit > 40 && kbit < 90, `throttled download ran at ${kbit.toFixed(1)} kbit/s`);
    } finally {
      await daemon.close();
    }
  });
});

test('a modem reconnect (WAN veth deleted and re-created) while throttled gets its shaping back within 5 s', async () => {
  await withNetns(async (net) => {
    const { t, daemon } = await throttledRouter(net);
    try {
      await reconnectWan(net, t, async () => {
        await sleep(POLL_MS * 1.5); // a tick or two without the WAN device
        const gone = await shaping(net, t.router);
        assert.is(gone.up, null, 'the WAN device took its qdiscs with it');
      });
      const back = performance.now();
      const restored = await until('shaping after the reconnect', 5000, async () => throttledTo(await shaping(net, t.router), 64));
      const ms = restored.at - back;
      console.log(`    shaping restored ${ms.toFixed(0)} ms after the WAN device came back (limit 5000 ms, tick ${POLL_MS} ms)`);
      assert.ok(ms <= 5000);
      assert.match(daemon.proc.output(), /wwan0 counters recreated/);
      const kbit = await downloadKbit(net, t, 16_000, 5203);
      console.log(`    download after the reconnect: ${kbit.toFixed(1)} kbit/s`);
      assert.ok(kbit > 40 && kbit < 90, `download after the reconnect ran at ${kbit.toFixed(1)} kbit/s`);
    } finally {
      await daemon.close();
    }
  });
});

test('a restart never lifts the throttle: our qdiscs are back before /healthz first answers', async () => {
  await withNetns(async (net) => {
    const { t, daemon } = await throttledRouter(net);
    try {
      assert.is(await daemon.proc.stop('SIGTERM'), 0);
      // As after a reboot: nothing of ours left in the kernel.
      await net.exec(t.router, ['tc', 'qdisc', 'del', 'dev', WAN, 'root']);
      await net.exec(t.router, ['tc', 'qdisc', 'del', 'dev', WAN, 'ingress']);
      await net.exec(t.router, ['ip', 'link', 'del', 'dev', ifbNameFor(WAN)]);
      assert.equal(await shaping(net, t.router), { up: null, down: null, ingress: false, redirect: false });

      // Watch the kernel while the daemon starts.
      let firstShaped: number | null = null;
      let watching = true;
      const watcher = (async () => {
        while (watching && firstShaped === null) {
          if (throttledTo(await shaping(net, t.router), 64)) firstShaped = performance.now();
          else await sleep(20);
        }
      })();
      const spawned = performance.now();
      const proc = await daemon.start();
      const healthy = performance.now();
      const atHealth = await shaping(net, t.router);
      const checked = performance.now();
      watching = false;
      await watcher;
      console.log(
        `    restart: /healthz answered ${(healthy - spawned).toFixed(0)} ms after the spawn; shaping in place when checked ` +
          `${(checked - healthy).toFixed(0)} ms later (first seen by the watcher ${firstShaped === null ? 'never' : `${(firstShaped - spawned).toFixed(0)} ms after the spawn`})`,
      );
      assert.ok(throttledTo(atHealth, 64), `not throttled when /healthz first answered: ${JSON.stringify(atHealth)}`);
      // The first scheduled tick after the listen is poll_ms later; the check was well before it.
      assert.ok(checked - healthy < POLL_MS / 2);
      // And the order in the daemon's own log: the line was throttled before it served.
      const out = proc.output();
      const throttledAt = out.indexOf('plan: line throttled to 64/64 kbit/s');
      const servingAt = out.indexOf('serving http://');
      assert.ok(throttledAt >= 0 && servingAt > throttledAt, out);
      const kbit = await downloadKbit(net, t, 16_000, 5204);
      console.log(`    download after the restart: ${kbit.toFixed(1)} kbit/s`);
      assert.ok(kbit > 40 && kbit < 90);
    } finally {
      await daemon.close();
    }
  });
});

test('block policy: at the cap forwarding stops while /healthz answers the LAN; an installer top-up lifts it within one tick', async () => {
  await withNetns(async (net) => {
    const t = await routerTopology(net);
    const installerHash = await hashPassword(INSTALLER);
    const daemon = await startRouterDaemon(
      net,
      t,
      daemonConfig({ pollMs: POLL_MS, cap: '1M', policy: 'block', installerHash, topupSizes: ['512M'] }),
    );
    try {
      assert.ok(await forwards(net, t, 5220), 'forwarding works below the cap');
      const moved = await net.sendTcp({ from: t.inet, to: t.client, address: t.lan.a.ipv4, bytes: 4 * MIB, port: 5221 });
      assert.is(moved.received, 4 * MIB);
      await until('the block', 3 * POLL_MS, () => blockTable(net, t.router));
      assert.is(await forwards(net, t, 5222), false, 'forwarding to the internet fails while blocked');
      assert.ok(await daemon.healthz(), '/healthz still answers the LAN client');

      await daemon.setup(CUSTOMER);
      const customer = await daemon.signIn(CUSTOMER);
      const denied = await daemon.request('POST', '/api/topups', { body: { bytes: 512 * MIB }, session: customer });
      assert.is(denied.status, 403, 'a customer cannot lift the block');
      const installer = await daemon.signIn(INSTALLER);
      const sent = performance.now();
      const reply = await daemon.request('POST', '/api/topups', { body: { bytes: 512 * MIB }, session: installer });
      assert.is(reply.status, 201, reply.text);
      const lifted = await until('the block lifted', POLL_MS, async () => !(await blockTable(net, t.router)));
      console.log(`    top-up answered ${(performance.now() - sent).toFixed(0)} ms; block table gone ${(lifted.at - sent).toFixed(0)} ms after the request (limit one tick, ${POLL_MS} ms)`);
      assert.ok(await forwards(net, t, 5223), 'forwarding works after the top-up');
    } finally {
      await daemon.close();
    }
  });
});

enforcement.run();
