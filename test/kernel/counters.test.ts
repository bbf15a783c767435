// The linux counters port against a real kernel: two namespaces joined by a
// veth pair, real TCP traffic between them, counters read from inside the
// receiving namespace (sysfs shows the namespace of the process reading it).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isInterfaceName, linuxCounters } from '../../device-daemon/src/ports/counters/linux.ts';
import type { InterfaceCounters } from '../../device-daemon/src/ports/types.ts';
import { type Netns, withNetns } from '../helpers/netns.ts';
import { missing } from '../helpers/requires.ts';

const READER = fileURLToPath(new URL('./read-counters.ts', import.meta.url));

const names = suite('interface names');

names('accepts names the kernel accepts', () => {
  for (const name of ['wwan0', 'br-lan', 'eth0.2', 'lo', 'a', 'x'.repeat(15), 'wlan0-1', '...']) {
    assert.ok(isInterfaceName(name), name);
  }
});

names('rejects names that could reach outside sysfs or that no interface can have', () => {
  for (const name of ['', '.', '..', '../eth0', 'eth0/../..', 'x'.repeat(16), 'eth 0', 'eth0:1', 'eth\t', 'a\0b', 'ąęółśżźćń']) {
    assert.not.ok(isInterfaceName(name), JSON.stringify(name));
  }
});

names('the port refuses an invalid name instead of reading a path', async () => {
  try {
    await linuxCounters().read('../../etc');
    assert.unreachable('should have thrown');
  } catch (error) {
    assert.instance(error, RangeError);
  }
});

names.run();

const files = suite('sysfs files');

files('reads ifindex and byte counts from the given sysfs root, null when absent', async () => {
  const root = mkdtempSync(join(tmpdir(), 'sysfs-'));
  try {
    mkdirSync(join(root, 'wwan0/statistics'), { recursive: true });
    writeFileSync(join(root, 'wwan0/ifindex'), '7\n');
    writeFileSync(join(root, 'wwan0/statistics/rx_bytes'), '18446744073\n');
    writeFileSync(join(root, 'wwan0/statistics/tx_bytes'), '42\n');
    writeFileSync(join(root, 'boot_id'), '8d3f2c1a-5b7e-4f0a-9c2d-1e6b4a7f9c30\n');
    const port = linuxCounters({ root, bootIdFile: join(root, 'boot_id') });
    assert.equal(await port.read('wwan0'), { bootId: '8d3f2c1a-5b7e-4f0a-9c2d-1e6b4a7f9c30', ifindex: 7, rxBytes: 18446744073, txBytes: 42 });
    assert.is(await port.read('wwan1'), null);
    writeFileSync(join(root, 'wwan0/statistics/tx_bytes'), 'garbage\n');
    try {
      await port.read('wwan0');
      assert.unreachable('a malformed counter must not read as a number');
    } catch (error) {
      assert.match((error as Error).message, /not a counter/);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

files('reads the host loopback through the real /sys/class/net', async () => {
  const lo = await linuxCounters().read('lo');
  assert.ok(lo && lo.ifindex === 1 && lo.rxBytes >= 0, JSON.stringify(lo));
  // The kernel's own boot id, the same one every reading of this boot carries.
  assert.is(lo.bootId, readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
});

files.run();

const kernel = suite('counters in network namespaces');
const reason = missing({ root: true, commands: ['ip'] });
if (reason) console.log(`  skipping kernel counter tests: ${reason}`);
const test = reason ? kernel.skip : kernel;

async function readIn(net: Netns, ns: string, dev: string): Promise<InterfaceCounters | null> {
  const { stdout } = await net.node(ns, READER, [dev]);
  return (JSON.parse(stdout) as Record<string, InterfaceCounters | null>)[dev] ?? null;
}

test('rx on the receiving end grows by the payload plus less than 10% overhead', async () => {
  await withNetns(async (net) => {
    const wan = await net.add('wan');
    const client = await net.add('client');
    const veth = await net.veth(client, wan, { a: 'up0', b: 'wwan0' });
    const payload = 2 * 1024 * 1024;

    for (const address of [veth.b.ipv4, veth.b.ipv6]) {
      const before = await readIn(net, wan, 'wwan0');
      assert.ok(before, 'wwan0 exists in the wan namespace');
      const moved = await net.sendTcp({ from: client, to: wan, address, bytes: payload });
      assert.equal(moved, { sent: payload, received: payload });
      const after = await readIn(net, wan, 'wwan0');
      assert.ok(after);
      const grown = after.rxBytes - before.rxBytes;
      assert.ok(grown >= payload, `${address}: rx grew ${grown} < payload ${payload}`);
      assert.ok(grown < payload * 1.1, `${address}: rx grew ${grown}, over 10% overhead`);
      assert.ok(after.txBytes > before.txBytes, 'the receiver sent ACKs');
      assert.is(after.ifindex, before.ifindex);
    }
  });
});

test('re-creating the interface changes its ifindex; a missing one reads as null', async () => {
  await withNetns(async (net) => {
    const wan = await net.add('wan');
    const peer = await net.add('peer');
    const names = { a: 'isp0', b: 'wwan0' };
    const first = await readIn(net, wan, 'wwan0');
    assert.is(first, null, 'no wwan0 before the veth exists');

    const veth = await net.veth(peer, wan, names);
    const before = await readIn(net, wan, 'wwan0');
    assert.ok(before);
    await net.deleteVeth(veth);
    assert.is(await readIn(net, wan, 'wwan0'), null, 'wwan0 gone after delete');

    await net.veth(peer, wan, names);
    const after = await readIn(net, wan, 'wwan0');
    assert.ok(after);
    assert.is.not(after.ifindex, before.ifindex);
  });
});

test('the host namespace never sees the test interfaces', async () => {
  await withNetns(async (net) => {
    const a = await net.add();
    const b = await net.add();
    await net.veth(a, b, { a: 'lte-t-a0', b: 'lte-t-b0' });
    const host = linuxCounters();
    assert.is(await host.read('lte-t-a0'), null);
    assert.is(await host.read('lte-t-b0'), null);
  });
});

kernel.run();
