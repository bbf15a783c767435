// The LAN port on OpenWrt when the usual sources are missing: a hostapd that does
// not answer get_clients (its stations come from `iw station dump`), and an `ip`
// without -j (BusyBox's: the neighbours come from its text).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CommandError } from '../../device-daemon/src/ports/runner.ts';
import type { CommandRunner } from '../../device-daemon/src/ports/types.ts';
import { openwrtLan } from '../../device-daemon/src/ports/wifi/lan.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/wifi/${name}`, import.meta.url), 'utf8');
const lan = suite('LAN port fallbacks on OpenWrt');

function runner(answers: Record<string, string>, calls: string[]): CommandRunner {
  return {
    async run(argv) {
      const key = argv.join(' ');
      calls.push(key);
      const out = answers[key];
      if (out === undefined) throw new CommandError(argv, { kind: 'exit', code: 1 }, '', `${argv[0]}: no answer for ${key}\n`);
      return { stdout: out, stderr: '', code: 0 };
    },
  };
}
const leaseFile = join(mkdtempSync(join(tmpdir(), 'lan-')), 'dhcp.leases');

lan('a radio whose hostapd does not answer get_clients lists its stations through iw', async () => {
  const calls: string[] = [];
  const port = openwrtLan({
    runner: runner({ 'ubus list hostapd.*': 'hostapd.wlan0\nhostapd.wlan1\n', 'ubus call hostapd.wlan1 get_clients': '{"freq": 5180, "clients": {"02:00:00:00:00:05": {"signal": -60}}}', 'iw dev wlan0 station dump': fixture('iw-station-dump-qca9563-openwrt-packages-issue16471.txt') }, calls),
    lanDevice: 'br-lan',
    leaseFile,
  });
  assert.equal(await port.stations(), [
    { mac: '8c:be:be:f5:8f:59', band: null, signal: -57, connectedSeconds: null },
    { mac: '02:00:00:00:00:05', band: '5 GHz', signal: -60, connectedSeconds: null },
  ]);
  assert.ok(!calls.includes('iw dev wlan1 station dump'), 'hostapd answered for wlan1');
});

lan('an ip without -j: the neighbours are read from its text', async () => {
  const calls: string[] = [];
  const port = openwrtLan({ runner: runner({ 'ip neigh show dev br-lan': fixture('ip-neigh-openwisp.txt') }, calls), lanDevice: 'br-lan', leaseFile });
  const n = await port.neighbours();
  assert.is(n.length, 6);
  assert.equal(n[2], { ip: '192.168.0.1', mac: 'bc:0f:9a:17:5a:5c', dev: 'eth2', state: ['STALE'] });
  assert.equal(calls, ['ip -j neigh show dev br-lan', 'ip neigh show dev br-lan']);
});

lan.run();
