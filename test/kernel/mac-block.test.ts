// The per-device block against a real kernel: two LAN clients behind a router
// namespace, an "internet" namespace beyond it. Blocking one client's MAC
// stops its forwarded traffic both ways (IPv4 and IPv6) while the other client
// carries on and the blocked one still reaches the router; unblocking restores
// it and removes our table.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { nftMacBlock } from '../../device-daemon/src/ports/firewall/nft-mac-block.ts';
import type { CommandRunner } from '../../device-daemon/src/ports/types.ts';
import { type Netns, withNetns } from '../helpers/netns.ts';
import { missing } from '../helpers/requires.ts';

const block = suite('nft per-MAC block in network namespaces');
const reason = missing({ root: true, commands: ['ip', 'nft'] });
if (reason) console.log(`  skipping kernel MAC block tests: ${reason}`);
const test = reason ? block.skip : block;

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

async function connects(net: Netns, from: string, to: string, address: string, port = 5201): Promise<boolean> {
  try {
    return (await net.sendTcp({ from, to, address, bytes: 1000, timeoutMs: 2000, port })).received === 1000;
  } catch {
    return false;
  }
}

test('a blocked MAC is not forwarded either way; others are; unblocking restores it and leaves no table', async () => {
  await withNetns(async (net) => {
    const kid = await net.add('kid');
    const parent = await net.add('parent');
    const router = await net.add('router');
    const inet = await net.add('inet');
    const lanKid = await net.veth(kid, router, { a: 'eth0', b: 'lan0' });
    const lanParent = await net.veth(parent, router, { a: 'eth0', b: 'lan1' });
    const wan = await net.veth(router, inet, { a: 'wwan0', b: 'isp0' });
    await net.exec(router, ['sysctl', '-qw', 'net.ipv4.ip_forward=1']);
    await net.exec(router, ['sysctl', '-qw', 'net.ipv6.conf.all.forwarding=1']);
    for (const [ns, v4, v6] of [
      [kid, lanKid.b.ipv4, lanKid.b.ipv6],
      [parent, lanParent.b.ipv4, lanParent.b.ipv6],
    ] as const) {
      await net.runner.run(['ip', '-n', ns, 'route', 'add', 'default', 'via', v4]);
      await net.runner.run(['ip', '-n', ns, '-6', 'route', 'add', 'default', 'via', v6]);
    }
    await net.runner.run(['ip', '-n', inet, 'route', 'add', 'default', 'via', wan.a.ipv4]);
    await net.runner.run(['ip', '-n', inet, '-6', 'route', 'add', 'default', 'via', wan.a.ipv6]);
    const link = JSON.parse((await net.exec(kid, ['ip', '-j', 'link', 'show', 'eth0'])).stdout) as { address: string }[];
    const kidMac = link[0]!.address;

    const runner = nsRunner(net, router);
    const port = nftMacBlock({ runner });
    assert.equal(await port.blocked(), []);
    assert.ok(await connects(net, kid, inet, wan.b.ipv4), 'forwarding works before the block');

    await port.setBlocked([kidMac.toUpperCase()]);
    assert.equal(await port.blocked(), [kidMac]);
    await port.setBlocked([kidMac]);
    assert.is(runner.writes, 1, 'the same set again writes nothing');

    const [out4, out6, in4, parentOut, kidToRouter] = await Promise.all([
      connects(net, kid, inet, wan.b.ipv4, 5201),
      connects(net, kid, inet, wan.b.ipv6, 5202),
      connects(net, inet, kid, lanKid.a.ipv4, 5203),
      connects(net, parent, inet, wan.b.ipv4, 5204),
      connects(net, kid, router, lanKid.b.ipv4, 8080),
    ]);
    assert.not.ok(out4, 'IPv4 out of the blocked device is dropped');
    assert.not.ok(out6, 'IPv6 out of the blocked device is dropped');
    assert.not.ok(in4, 'a connection from the internet to the blocked device gets no answer');
    assert.ok(parentOut, 'another device is not affected');
    assert.ok(kidToRouter, 'the blocked device still reaches the router (DHCP, DNS, this page)');

    await port.setBlocked([]);
    assert.equal(await port.blocked(), []);
    const tables = (await net.exec(router, ['nft', 'list', 'tables'])).stdout;
    assert.not.match(tables, /modem_admin_clients/);
    assert.ok(await connects(net, kid, inet, wan.b.ipv4, 5205), 'forwarding works again after unblocking');
    assert.ok(await connects(net, kid, inet, wan.b.ipv6, 5206));
  });
});

block('refuses anything that is not a MAC address before running nft', async () => {
  const runner = { writes: 0, run: async () => ({ stdout: '', stderr: 'No such file or directory', code: 1 }) };
  const port = nftMacBlock({ runner });
  for (const bad of ['aa:bb:cc:dd:ee', 'aa:bb:cc:dd:ee:ff; flush ruleset', '$(id)', '-f']) {
    let error: unknown = null;
    await port.setBlocked([bad]).catch((e) => (error = e));
    assert.instance(error, RangeError, bad);
  }
});

block.run();
