// The nft accounting port against a real kernel: a router with a bridge
// `br-lan` (two client namespaces on two bridge ports) and a WAN veth named
// like a modem device to an "internet" namespace. Known amounts go each way
// from each client; the port's per-client counts (IP bytes) are compared with
// each client's own interface counters and with the WAN's, both taken as IP
// bytes: sysfs counts Ethernet frames, so 14 bytes per packet come off.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { nftAccounting } from '../../device-daemon/src/ports/accounting/nft.ts';
import type { ClientCounter, CommandRunner } from '../../device-daemon/src/ports/types.ts';
import { type Netns, withNetns } from '../helpers/netns.ts';
import { missing } from '../helpers/requires.ts';

const WAN = 'wwan0';
const LAN = 'br-lan';
const MB = 1024 * 1024;

const accounting = suite('nft accounting in network namespaces');
const reason = missing({ root: true, commands: ['ip', 'tc', 'nft'] });
if (reason) console.log(`  skipping kernel accounting tests: ${reason}`);
const test = reason ? accounting.skip : accounting;

const inNs = (net: Netns, ns: string): CommandRunner => ({ run: (argv, options) => net.exec(ns, argv, options) });

type IpBytes = { rx: number; tx: number };

/** IP bytes through `dev` in `ns`: sysfs frame bytes less a 14-byte Ethernet header per packet. */
async function ipBytes(net: Netns, ns: string, dev: string): Promise<IpBytes> {
  const files = ['rx_bytes', 'rx_packets', 'tx_bytes', 'tx_packets'].map((f) => `/sys/class/net/${dev}/statistics/${f}`);
  const [rxBytes, rxPackets, txBytes, txPackets] = (await net.exec(ns, ['cat', ...files])).stdout.trim().split('\n').map(Number);
  return { rx: rxBytes! - 14 * rxPackets!, tx: txBytes! - 14 * txPackets! };
}

function within1(actual: number, expected: number, what: string): void {
  const error = Math.abs(actual - expected) / expected;
  assert.ok(error <= 0.01, `${what}: counted ${actual}, expected ${expected} (off by ${(error * 100).toFixed(2)}%)`);
}

async function topology(net: Netns) {
  const router = await net.add('router');
  const inet = await net.add('inet');
  const c1 = await net.add('c1');
  const c2 = await net.add('c2');
  const wan = await net.veth(router, inet, { a: WAN, b: 'isp0' });
  const lan1 = await net.veth(c1, router, { a: 'eth0', b: 'lan1' });
  const lan2 = await net.veth(c2, router, { a: 'eth0', b: 'lan2' });
  // The router's ends become bridge ports; their addresses move to the bridge.
  await net.runner.run(['ip', '-n', router, 'link', 'add', LAN, 'type', 'bridge']);
  await net.runner.run(['ip', '-n', router, 'link', 'set', LAN, 'up']);
  for (const port of [lan1.b, lan2.b]) {
    await net.runner.run(['ip', '-n', router, 'addr', 'flush', 'dev', port.dev, 'scope', 'global']);
    await net.runner.run(['ip', '-n', router, 'link', 'set', port.dev, 'master', LAN]);
    await net.runner.run(['ip', '-n', router, 'addr', 'add', `${port.ipv4}/24`, 'dev', LAN]);
    await net.runner.run(['ip', '-n', router, 'addr', 'add', `${port.ipv6}/64`, 'dev', LAN, 'nodad']);
  }
  await net.exec(router, ['sysctl', '-qw', 'net.ipv4.ip_forward=1']);
  await net.exec(router, ['sysctl', '-qw', 'net.ipv6.conf.all.forwarding=1']);
  for (const [ns, v4, v6] of [
    [c1, lan1.b.ipv4, lan1.b.ipv6],
    [c2, lan2.b.ipv4, lan2.b.ipv6],
    [inet, wan.a.ipv4, wan.a.ipv6],
  ] as const) {
    await net.runner.run(['ip', '-n', ns, 'route', 'add', 'default', 'via', v4]);
    await net.runner.run(['ip', '-n', ns, '-6', 'route', 'add', 'default', 'via', v6]);
  }
  const macOf = async (ns: string) => {
    const [link] = JSON.parse((await net.runner.run(['ip', '-n', ns, '-j', 'link', 'show', 'dev', 'eth0'])).stdout) as { address: string }[];
    return link!.address;
  };
  return { router, inet, c1, c2, wan, lan1, lan2, mac1: await macOf(c1), mac2: await macOf(c2) };
}

function rowOf(rows: ClientCounter[], key: string): ClientCounter {
  const row = rows.find((r) => r.key === key);
  assert.ok(row, `no row keyed ${key} in ${JSON.stringify(rows)}`);
  return row;
}

test('counts each client by MAC both ways over IPv4 and IPv6, matching interface and WAN counters within 1%', async () => {
  await withNetns(async (net) => {
    const t = await topology(net);
    const port = nftAccounting({ runner: inNs(net, t.router), lanDevice: LAN, wanDevice: WAN });
    await port.ensure();
    await port.ensure();
    assert.equal(await port.read(), []);
    const listing = await net.exec(t.router, ['nft', 'list', 'table', 'inet', 'modem_admin_acct']);
    assert.is(listing.stdout.match(/update @/g)?.length, 4, 'ensure twice made the rules once');

    const before = { c1: await ipBytes(net, t.c1, 'eth0'), c2: await ipBytes(net, t.c2, 'eth0'), wan: await ipBytes(net, t.router, WAN) };
    // Different amounts per client, direction and family; one at a time, so
    // each transfer's ACKs are counted for the same client as its data.
    const plan = [
      { from: t.c1, to: t.inet, address: t.wan.b.ipv4, bytes: 3 * MB },
      { from: t.inet, to: t.c1, address: t.lan1.a.ipv6, bytes: 2 * MB },
      { from: t.c2, to: t.inet, address: t.wan.b.ipv6, bytes: 1 * MB },
      { from: t.inet, to: t.c2, address: t.lan2.a.ipv4, bytes: 5 * MB },
    ];
    for (const transfer of plan) assert.is((await net.sendTcp(transfer)).received, transfer.bytes);
    const after = { c1: await ipBytes(net, t.c1, 'eth0'), c2: await ipBytes(net, t.c2, 'eth0'), wan: await ipBytes(net, t.router, WAN) };

    const rows = await port.read();
    assert.is(rows.length, 2, JSON.stringify(rows));
    const r1 = rowOf(rows, t.mac1);
    const r2 = rowOf(rows, t.mac2);
    assert.is(r1.mac, t.mac1);
    assert.equal(r1.addresses, [t.lan1.a.ipv4, t.lan1.a.ipv6].sort());
    assert.equal(r2.addresses, [t.lan2.a.ipv4, t.lan2.a.ipv6].sort());
    // The client's transmitted IP bytes are its upload, what it received its download.
    within1(r1.upBytes, after.c1.tx - before.c1.tx, 'client 1 upload');
    within1(r1.downBytes, after.c1.rx - before.c1.rx, 'client 1 download');
    within1(r2.upBytes, after.c2.tx - before.c2.tx, 'client 2 upload');
    within1(r2.downBytes, after.c2.rx - before.c2.rx, 'client 2 download');
    within1(r1.upBytes + r2.upBytes, after.wan.tx - before.wan.tx, 'WAN upload total');
    within1(r1.downBytes + r2.downBytes, after.wan.rx - before.wan.rx, 'WAN download total');
    // And the payload is in there, with TCP/IP headers of a few per cent on top.
    for (const [counted, payload] of [[r1.upBytes, 3 * MB], [r1.downBytes, 2 * MB], [r2.upBytes, 1 * MB], [r2.downBytes, 5 * MB]] as const) {
      assert.ok(counted > payload && counted < payload * 1.08, `${counted} bytes counted for a ${payload}-byte payload`);
    }
    console.log(`    client 1: up ${r1.upBytes} down ${r1.downBytes}; client 2: up ${r2.upBytes} down ${r2.downBytes} (IP bytes)`);

    // Traffic to the router itself never passes the forward hook.
    await net.sendTcp({ from: t.c1, to: t.router, address: t.lan1.b.ipv4, bytes: 2 * MB });
    await net.sendTcp({ from: t.router, to: t.c2, address: t.lan2.a.ipv6, bytes: 2 * MB });
    assert.equal(await port.read(), rows, 'LAN-to-router traffic is not counted');

    await port.remove();
    const tables = await net.exec(t.router, ['nft', 'list', 'tables']);
    assert.is(tables.stdout.trim(), '');
    assert.equal(await port.read(), []);
  });
});

test('a client that changes its IPv4 address keeps its MAC key and its history', async () => {
  await withNetns(async (net) => {
    const t = await topology(net);
    const port = nftAccounting({ runner: inNs(net, t.router), lanDevice: LAN, wanDevice: WAN });
    await port.ensure();
    await net.sendTcp({ from: t.c1, to: t.inet, address: t.wan.b.ipv4, bytes: 1 * MB });
    await net.sendTcp({ from: t.inet, to: t.c1, address: t.lan1.a.ipv4, bytes: 1 * MB });
    const first = rowOf(await port.read(), t.mac1);

    const moved = t.lan1.a.ipv4.replace(/\.\d+$/, '.77');
    await net.runner.run(['ip', '-n', t.c1, 'addr', 'del', `${t.lan1.a.ipv4}/24`, 'dev', 'eth0']);
    await net.runner.run(['ip', '-n', t.c1, 'addr', 'add', `${moved}/24`, 'dev', 'eth0']);
    await net.runner.run(['ip', '-n', t.c1, 'route', 'replace', 'default', 'via', t.lan1.b.ipv4]);
    await net.sendTcp({ from: t.c1, to: t.inet, address: t.wan.b.ipv4, bytes: 2 * MB });
    await net.sendTcp({ from: t.inet, to: t.c1, address: moved, bytes: 2 * MB });

    const rows = await port.read();
    assert.is(rows.length, 1, JSON.stringify(rows));
    const second = rowOf(rows, t.mac1);
    assert.equal(second.addresses, [t.lan1.a.ipv4, moved].sort());
    assert.ok(second.upBytes > first.upBytes + 2 * MB, 'upload kept its history and grew');
    assert.ok(second.downBytes > first.downBytes + 2 * MB, 'download kept its history and grew');

    // A fresh port (a daemon restart) keys the new address's download by MAC too.
    const restarted = nftAccounting({ runner: inNs(net, t.router), lanDevice: LAN, wanDevice: WAN });
    assert.equal(await restarted.read(), rows);
    await port.remove();
  });
});

accounting.run();
