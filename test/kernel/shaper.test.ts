// The tc shaper against a real kernel: a LAN client, a router whose WAN veth
// is named like a modem device, and an "internet" namespace; bulk TCP through
// the router while it is shaped, measured by the receiver.
//
// What the rate counts: tbf charges each packet's length as the device sees
// it, an Ethernet frame without FCS (on the WAN veth, and on the IFB, where
// mirred pushes the Ethernet header back before the redirect). A full TCP
// segment is MSS + TCP header with timestamps (32) + IP header (20 or 40) +
// 14 bytes of Ethernet = 1514 bytes. The receiver measures TCP payload, so the
// expected payload rate is rate × MSS / 1514: 61.2 kbit/s over IPv4 (MSS
// 1448) and 60.4 kbit/s over IPv6 (MSS 1428) for 64 kbit/s. ACKs travel the
// other direction's shaper, which is idle during a one-way test, so the
// directions run one after the other (an upload's ACKs queued behind download
// data, or the other way round, would lower the rate we measure).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ifbNameFor, tcShaper } from '../../device-daemon/src/ports/shaper/tc.ts';
import type { CommandRunner } from '../../device-daemon/src/ports/types.ts';
import { type Netns, withNetns } from '../helpers/netns.ts';
import { routeInet, routerTopology as topology, WAN } from '../helpers/router-topology.ts';
import { missing } from '../helpers/requires.ts';

const FRAME = 1514;
const MSS = { ipv4: 1448, ipv6: 1428 } as const;

const shaping = suite('tc shaper in network namespaces');
const reason = missing({ root: true, commands: ['ip', 'tc', 'nft'] });
if (reason) console.log(`  skipping kernel shaper tests: ${reason}`);
const test = reason ? shaping.skip : shaping;

/** A runner inside `ns`, counting the commands that change something. */
function nsRunner(net: Netns, ns: string): CommandRunner & { changes: string[][] } {
  const changes: string[][] = [];
  return {
    changes,
    run(argv, options) {
      if (!argv.includes('show')) changes.push([...argv]);
      return net.exec(ns, argv, options);
    },
  };
}

/**
 * TCP payload kbit/s from `from` to `to` over a transfer sized for `seconds`
 * at `expectKbit`, timed by the receiver from its first byte to its last.
 * Not a window in the middle: after a loss the receiver holds out-of-order
 * data until the retransmission fills the hole (about one 1.5 s queue at this
 * rate), so bytes delivered in a window are off by up to a window of data,
 * while over the whole transfer everything sent is counted. The first byte
 * leaves with the bucket (1600 bytes at once), about 2% of a 8 s transfer.
 */
async function measure(net: Netns, from: string, to: string, address: string, seconds: number, expectKbit: number): Promise<number> {
  const bytes = Math.round(((expectKbit * 1000) / 8) * (seconds + 0.5));
  const moved = await net.sendTcp({ from, to, address, bytes, warmupMs: 0, timeoutMs: (seconds + 15) * 1000 });
  assert.is(moved.received, bytes);
  assert.ok(moved.steady && moved.steady.ms > 0, `no timing from the receiver: ${JSON.stringify(moved)}`);
  const kbit = (moved.steady.bytes * 8) / moved.steady.ms; // bits per ms = kbit/s
  assert.ok(moved.steady.ms >= seconds * 1000 * 0.9, `the transfer took ${moved.steady.ms} ms, not about ${seconds} s (${kbit.toFixed(1)} kbit/s)`);
  return kbit;
}

function expectedPayloadKbit(rateKbit: number, family: 'ipv4' | 'ipv6'): number {
  return (rateKbit * MSS[family]) / FRAME;
}

function assertNear(measured: number, expected: number, what: string): void {
  const error = Math.abs(measured - expected) / expected;
  console.log(`    ${what}: ${measured.toFixed(1)} kbit/s of TCP payload (expected ${expected.toFixed(1)}, off by ${(error * 100).toFixed(1)}%)`);
  assert.ok(error <= 0.1, `${what}: ${measured.toFixed(1)} kbit/s is not within 10% of ${expected.toFixed(1)}`);
}

async function tcState(net: Netns, ns: string): Promise<string> {
  const qdiscs = await net.exec(ns, ['tc', 'qdisc', 'show']);
  const links = await net.exec(ns, ['ip', '-o', 'link', 'show']);
  return `${qdiscs.stdout}\n${links.stdout}`;
}

test('64/64 kbit/s shapes bulk TCP both ways over IPv4 and IPv6, and a second apply changes nothing', async () => {
  await withNetns(async (net) => {
    const t = await topology(net);
    const runner = nsRunner(net, t.router);
    const shaper = tcShaper({ runner, wanDevice: WAN });
    assert.is(await shaper.current(), null);
    await shaper.apply({ downKbit: 64, upKbit: 64 });
    assert.equal(await shaper.current(), { downKbit: 64, upKbit: 64 });

    const before = await tcState(net, t.router);
    runner.changes.length = 0;
    await shaper.apply({ downKbit: 64, upKbit: 64 });
    assert.equal(runner.changes, [], 'the second apply only read the state');
    assert.is(await tcState(net, t.router), before);

    for (const family of ['ipv4', 'ipv6'] as const) {
      const expected = expectedPayloadKbit(64, family);
      const up = await measure(net, t.client, t.inet, t.wan.b[family], 8, expected);
      assertNear(up, expected, `upload over ${family}`);
      const down = await measure(net, t.inet, t.client, t.lan.a[family], 8, expected);
      assertNear(down, expected, `download over ${family}`);
    }
  });
});

test('apply(null) removes the IFB, the ingress qdisc, the filter and the root qdisc, and the path runs at full speed', async () => {
  await withNetns(async (net) => {
    const t = await topology(net);
    const pristine = await net.exec(t.router, ['tc', 'qdisc', 'show', 'dev', WAN]);
    const shaper = tcShaper({ runner: nsRunner(net, t.router), wanDevice: WAN });
    await shaper.apply({ downKbit: 64, upKbit: 128 });
    assert.equal(await shaper.current(), { downKbit: 64, upKbit: 128 });
    await shaper.apply(null);
    assert.is(await shaper.current(), null);

    const state = await tcState(net, t.router);
    assert.not.match(state, /tbf|ingress|ifb/, state);
    assert.not.match(state, ifbNameFor(WAN));
    assert.is((await net.exec(t.router, ['tc', 'qdisc', 'show', 'dev', WAN])).stdout, pristine.stdout, 'the WAN is back to its default qdisc');
    const filters = await net.exec(t.router, ['tc', 'filter', 'show', 'dev', WAN, 'ingress'], { okCodes: [0, 1, 2] });
    assert.is(filters.stdout.trim(), '');

    for (const [from, to, address] of [
      [t.client, t.inet, t.wan.b.ipv4],
      [t.inet, t.client, t.lan.a.ipv4],
    ] as const) {
      const bytes = 32 * 1024 * 1024;
      const moved = await net.sendTcp({ from, to, address, bytes, warmupMs: 0 });
      assert.is(moved.received, bytes);
      const mbit = moved.steady && moved.steady.ms > 0 ? (moved.steady.bytes * 8) / moved.steady.ms / 1000 : Infinity;
      console.log(`    unshaped ${from === t.client ? 'upload' : 'download'}: ${mbit.toFixed(0)} Mbit/s`);
      assert.ok(mbit > 10, `unshaped path carried only ${mbit} Mbit/s`);
    }
    // Removing what is not there is not an error.
    await shaper.apply(null);
  });
});

test('a WAN device that is deleted and re-created is shaped again by the next apply', async () => {
  await withNetns(async (net) => {
    const t = await topology(net);
    const shaper = tcShaper({ runner: nsRunner(net, t.router), wanDevice: WAN });
    await shaper.apply({ downKbit: 64, upKbit: 64 });

    await net.deleteVeth(t.wan);
    assert.is(await shaper.current(), null, 'nothing is shaped without the WAN device');
    try {
      await shaper.apply({ downKbit: 64, upKbit: 64 });
      assert.unreachable('apply must fail while the WAN device is missing');
    } catch (error) {
      assert.match((error as Error).message, /WAN device wwan0 does not exist/);
    }

    const wan = await net.veth(t.router, t.inet, { a: WAN, b: 'isp0' });
    await routeInet(net, t.inet, wan);
    await shaper.apply({ downKbit: 64, upKbit: 64 });
    assert.equal(await shaper.current(), { downKbit: 64, upKbit: 64 });
    const expected = expectedPayloadKbit(64, 'ipv4');
    assertNear(await measure(net, t.client, t.inet, wan.b.ipv4, 5, expected), expected, 'upload after reconnect');
    assertNear(await measure(net, t.inet, t.client, t.lan.a.ipv4, 5, expected), expected, 'download after reconnect');
  });
});

shaping.run();
