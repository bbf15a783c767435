// A power cut, as a router lives it, with real kernel counters: the daemon
// stops, the WAN device comes back with the SAME ifindex and counters from
// zero, and the outage lasts longer than 4 GiB would take at the link limit.
// The count must grow by the new traffic only: a drop is a reset, never a
// 32-bit wrap (which would add 4 GiB each way and throttle the customer).
// max_link_mbit is set high (10 Gbit/s: 2^32 bytes in 3.4 s) so that the
// outage need not last long.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { withNetns } from '../helpers/netns.ts';
import { missing } from '../helpers/requires.ts';
import { daemonConfig, type RouterDaemon, type Session, sleep, startRouterDaemon, wanCounters } from '../helpers/router-daemon.ts';
import { reconnectWan, routerTopology } from '../helpers/router-topology.ts';

const POLL_MS = 500;
const MAX_LINK_MBIT = 10_000;
const WRAP_SECONDS = 2 ** 32 / ((MAX_LINK_MBIT * 1_000_000) / 8);
const MIB = 1024 * 1024;
const CUSTOMER = 'customer-password-1';
// ARP and IPv6 neighbour discovery between the readings compared: a few hundred bytes.
const TOLERANCE = 64 * 1024;

const reboot = suite('the real daemon after a power cut: same ifindex, counters from zero');
const reason = missing({ root: true, commands: ['ip', 'tc', 'nft'] });
if (reason) console.log(`  skipping daemon reboot tests: ${reason}`);
const test = reason ? reboot.skip : reboot;

async function usage(daemon: RouterDaemon, session: Session) {
  const reply = await daemon.request('GET', '/api/usage', { session });
  assert.is(reply.status, 200, reply.text);
  return reply.json() as { down: number; up: number; total: number; overCap: boolean };
}

test(`an outage longer than ${WRAP_SECONDS.toFixed(1)} s (4 GiB at the link limit) adds only the traffic after it`, async () => {
  await withNetns(async (net) => {
    const t = await routerTopology(net);
    const config = daemonConfig({ pollMs: POLL_MS, cap: '1G', policy: 'throttle', maxLinkMbit: MAX_LINK_MBIT });
    const daemon = await startRouterDaemon(net, t, config);
    try {
      let session = await daemon.setup(CUSTOMER);
      const base = await wanCounters(net, t.router);
      const first = await net.sendTcp({ from: t.inet, to: t.client, address: t.lan.a.ipv4, bytes: 24 * MIB, port: 5311 });
      assert.is(first.received, 24 * MIB);
      await sleep(3 * POLL_MS);
      const before = await usage(daemon, session);
      const cut = await wanCounters(net, t.router);
      const movedBefore = cut.rx + cut.tx - (base.rx + base.tx);
      assert.ok(Math.abs(before.total - movedBefore) <= TOLERANCE, `before the cut: daemon ${before.total}, WAN ${movedBefore}`);

      // The power cut: the daemon goes, the WAN device goes and comes back with its old ifindex.
      await daemon.proc.stop('SIGTERM');
      await reconnectWan(net, t, async () => void (await sleep(WRAP_SECONDS * 1000 + 1500)), cut.ifindex);
      const back = await wanCounters(net, t.router);
      assert.is(back.ifindex, cut.ifindex, 'the WAN device has its old ifindex again');
      assert.ok(back.rx + back.tx < cut.rx + cut.tx, 'its counters started again from zero');

      await daemon.start();
      session = await daemon.signIn(CUSTOMER);
      const after = await net.sendTcp({ from: t.inet, to: t.client, address: t.lan.a.ipv4, bytes: 8 * MIB, port: 5312 });
      assert.is(after.received, 8 * MIB);
      await sleep(3 * POLL_MS);
      const now = await wanCounters(net, t.router);
      const counted = await usage(daemon, session);
      const grown = counted.total - before.total;
      const newTraffic = now.rx + now.tx;
      console.log(`    before ${before.total} bytes; after the outage the WAN moved ${newTraffic} bytes and the count grew by ${grown}`);
      assert.ok(grown >= 8 * MIB, `the new traffic was not counted: grew by ${grown}`);
      assert.ok(Math.abs(grown - newTraffic) <= TOLERANCE, `the count grew by ${grown}, the WAN moved ${newTraffic} since it came back`);
      assert.is(counted.overCap, false, 'a 1G plan with about 32 MiB used is not over its cap');
      assert.match(daemon.proc.output(), /wwan0 counters reset/);
      assert.not.match(daemon.proc.output(), /counters wrap/);
    } finally {
      await daemon.close();
    }
  });
});

reboot.run();
