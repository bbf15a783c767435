import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { lookupStep, pingStep, readLookup, readPing } from '../../device-daemon/src/core/connectivity.ts';
import { targetKind } from '../../device-daemon/src/core/host-target.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/system/${name}`, import.meta.url), 'utf8');
const probes = suite('connectivity probes read from real ping and nslookup outputs');

probes('iputils ping on Debian: 3 of 3 and the average', () => {
  assert.equal(readPing(fixture('ping-iputils-loopback-debian.txt')), { sent: 3, received: 3, avgMs: 0.076 });
});

probes('BusyBox ping: "packets received" and "round-trip" without mdev', () => {
  assert.equal(readPing(fixture('ping-busybox-localhost-tmo-monitor-pr46.txt')), { sent: 2, received: 2, avgMs: 0.801 });
  assert.equal(readPing(fixture('ping-busybox-one-reply-sabotage-issue587.txt')), { sent: 1, received: 1, avgMs: 77.5 });
});

probes('a ping step says in one sentence who answered and how fast', () => {
  const step = pingStep('8.8.8.8', fixture('ping-busybox-one-reply-sabotage-issue587.txt'));
  assert.is(step.ok, true);
  assert.is(step.summary, '8.8.8.8 answered 1 of 1, 78 ms on average');
  const bad = pingStep('nosuch.example', "ping: bad address 'nosuch.example'\n");
  assert.is(bad.ok, false);
  assert.match(bad.summary, /could not be reached/);
});

probes('BusyBox nslookup: the answer’s addresses, not the server’s own', () => {
  assert.equal(readLookup(fixture('nslookup-busybox-old-two-addresses-openwrt-packages-pr12173.txt')), ['216.58.210.36', '2a00:1450:4009:800::2004']);
  const none = lookupStep('google.com', '172.23.172.135', fixture('nslookup-busybox-no-answer-rancher-desktop-issue2141.txt'));
  assert.is(none.ok, false);
  assert.is(none.summary, '172.23.172.135 did not resolve google.com');
});

probes('a target is a host name or an address, and nothing else', () => {
  for (const ok of ['example.com', 'modem.lan', 'localhost', '10.74.210.210', '::1', '2a00:1450:4009:800::2004', 'a-b.c'])
    assert.ok(targetKind(ok), ok);
  for (const bad of ['-c1', '--help', 'a b', 'http://x', 'x;reboot', '$(reboot)', '1.2.3.256', '10.1', '', 'a..b', '-a.com', 'a-.com', 'x'.repeat(64) + '.com', '1::2::3', ':::'])
    assert.is(targetKind(bad), null, bad);
});

probes.run();
