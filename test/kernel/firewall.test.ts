// The nft firewall port against a real kernel: a LAN client, a router with a
// WAN veth named like a modem device, and an "internet" namespace. While
// blocked, nothing is forwarded either way, and the router itself still
// answers the LAN (a TCP server on its LAN address stands in for /healthz).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { nftFirewall } from '../../device-daemon/src/ports/firewall/nft.ts';
import type { CommandRunner } from '../../device-daemon/src/ports/types.ts';
import { type Netns, withNetns } from '../helpers/netns.ts';
import { missing } from '../helpers/requires.ts';

const WAN = 'wwan0';
const TABLE = 'modem_admin_block';

const firewall = suite('nft firewall in network namespaces');
const reason = missing({ root: true, commands: ['ip', 'tc', 'nft'] });
if (reason) console.log(`  skipping kernel firewall tests: ${reason}`);
const test = reason ? firewall.skip : firewall;

function nsRunner(net: Netns, ns: string): CommandRunner & { writes: number } {
  const runner = {
    writes: 0,
    run(argv: readonly string[], options?: Parameters<CommandRunner['run']>[1]) {
      if (argv.includes('-f')) runner.writes++;
      return net.exec(ns, argv, options);
    },
  };
  return runner;
}

async function topology(net: Netns) {
  const client = await net.add('client');
  const router = await net.add('router');
  const inet = await net.add('inet');
  const lan = await net.veth(client, router, { a: 'eth0', b: 'lan0' });
  const wan = await net.veth(router, inet, { a: WAN, b: 'isp0' });
  await net.exec(router, ['sysctl', '-qw', 'net.ipv4.ip_forward=1']);
  await net.exec(router, ['sysctl', '-qw', 'net.ipv6.conf.all.forwarding=1']);
  for (const [ns, v4, v6] of [
    [client, lan.b.ipv4, lan.b.ipv6],
    [inet, wan.a.ipv4, wan.a.ipv6],
  ] as const) {
    await net.runner.run(['ip', '-n', ns, 'route', 'add', 'default', 'via', v4]);
    await net.runner.run(['ip', '-n', ns, '-6', 'route', 'add', 'default', 'via', v6]);
  }
  return { client, router, inet, lan, wan };
}

/** Whether a small TCP transfer gets through within 2 s. */
async function connects(net: Netns, from: string, to: string, address: string): Promise<boolean> {
  try {
    const moved = await net.sendTcp({ from, to, address, bytes: 1000, timeoutMs: 2000 });
    return moved.received === 1000;
  } catch {
    return false;
  }
}

test('blocking stops forwarding both ways while the router still answers the LAN; unblocking leaves no table', async () => {
  await withNetns(async (net) => {
    const t = await topology(net);
    const runner = nsRunner(net, t.router);
    const port = nftFirewall({ runner, wanDevice: WAN });
    assert.is(await port.blocked(), false);
    assert.ok(await connects(net, t.client, t.inet, t.wan.b.ipv4), 'forwarding works before the block');

    await port.setBlocked(true);
    assert.is(await port.blocked(), true);
    await port.setBlocked(true);
    assert.is(runner.writes, 1, 'blocking again changes nothing');

    const [out4, out6, in4, in6, admin4, admin6] = await Promise.all([
      connects(net, t.client, t.inet, t.wan.b.ipv4),
      connects(net, t.client, t.inet, t.wan.b.ipv6),
      // Distinct servers per namespace need distinct ports when run together.
      net.sendTcp({ from: t.inet, to: t.client, address: t.lan.a.ipv4, bytes: 1000, timeoutMs: 2000, port: 5202 }).then(() => true, () => false),
      net.sendTcp({ from: t.inet, to: t.client, address: t.lan.a.ipv6, bytes: 1000, timeoutMs: 2000, port: 5203 }).then(() => true, () => false),
      net.sendTcp({ from: t.client, to: t.router, address: t.lan.b.ipv4, bytes: 1000, port: 8080 }).then((m) => m.received === 1000),
      net.sendTcp({ from: t.client, to: t.router, address: t.lan.b.ipv6, bytes: 1000, port: 8081 }).then((m) => m.received === 1000),
    ]);
    assert.equal({ out4, out6, in4, in6 }, { out4: false, out6: false, in4: false, in6: false }, 'nothing forwarded while blocked');
    assert.equal({ admin4, admin6 }, { admin4: true, admin6: true }, 'the router still answers the LAN');

    await port.setBlocked(false);
    assert.is(await port.blocked(), false);
    const tables = await net.exec(t.router, ['nft', 'list', 'tables']);
    assert.not.match(tables.stdout, TABLE);
    assert.ok(await connects(net, t.client, t.inet, t.wan.b.ipv4), 'forwarding restored over IPv4');
    assert.ok(await connects(net, t.client, t.inet, t.wan.b.ipv6), 'forwarding restored over IPv6');
    const writes = runner.writes;
    await port.setBlocked(false);
    assert.is(runner.writes, writes, 'unblocking again changes nothing');
  });
});

test('the block holds across a re-created WAN device and a hand-edited table is replaced whole', async () => {
  await withNetns(async (net) => {
    const t = await topology(net);
    const port = nftFirewall({ runner: nsRunner(net, t.router), wanDevice: WAN });
    await port.setBlocked(true);
    await net.deleteVeth(t.wan);
    const wan = await net.veth(t.router, t.inet, { a: WAN, b: 'isp0' });
    await net.runner.run(['ip', '-n', t.inet, 'route', 'replace', 'default', 'via', wan.a.ipv4]);
    assert.is(await port.blocked(), true);
    assert.not.ok(await connects(net, t.client, t.inet, wan.b.ipv4), 'still blocked after the modem reconnected');

    // Someone flushes our chain: the port sees it is not blocking and rebuilds it.
    await net.exec(t.router, ['nft', 'flush', 'chain', 'inet', TABLE, 'forward_block']);
    assert.is(await port.blocked(), false);
    await port.setBlocked(true);
    assert.is(await port.blocked(), true);
    const rules = await net.exec(t.router, ['nft', 'list', 'table', 'inet', TABLE]);
    assert.is(rules.stdout.match(/drop/g)?.length, 2, rules.stdout);
  });
});

firewall.run();
