import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { filterLog, parseLogLine } from '../../device-daemon/src/core/system-log.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/system/${name}`, import.meta.url), 'utf8').split('\n').filter(Boolean);
const log = suite('the system log cut to the product and the modem (real logread captures)');

log('netifd lines of the modem interface are the modem’s, with their time and level', () => {
  const lines = filterLog(fixture('logread-netifd-modemmanager-openwrt-packages-pr23590.txt'), { modemInterface: 'wan' });
  assert.is(lines.length, 13);
  assert.ok(lines.every((l) => l.source === 'modem' && l.ident === 'netifd' && l.level === 'notice'));
  assert.is(lines[4]!.text, 'wan (4796): network operator MCCMNC: 26201');
  assert.is(lines[0]!.time, 'Wed Jun 26 16:34:36 2024');
});

log('the same lines belong to no one when the modem uses another interface', () => {
  assert.is(filterLog(fixture('logread-netifd-modemmanager-openwrt-packages-pr23590.txt'), { modemInterface: 'lte' }).length, 0);
});

log('at boot only ModemManager’s hotplug line is kept; dnsmasq, kernel, netifd’s empty ident and procd are dropped', () => {
  const lines = filterLog(fixture('logread-boot-mixed-luci-app-modemband-issue4.txt'), { modemInterface: 'wan' });
  assert.equal(lines.map((l) => l.text), ['hotplug: error: modem not detected at sysfs path']);
  assert.is(lines[0]!.ident, 'ModemManager');
  assert.is(lines[0]!.facility, 'user');
});

log('ModemManager lines logged with an empty ident are still the modem’s', () => {
  const lines = filterLog(fixture('logread-modemmanager-no-ident-openwrt-pr11729.txt'), { modemInterface: null });
  assert.is(lines.length, 11);
  assert.ok(lines.every((l) => l.source === 'modem'));
  assert.is(lines.at(-1)!.level, 'info');
});

log('a DHCP wan that is not the modem, hostapd and another service’s crash loop are left out', () => {
  assert.is(filterLog(fixture('logread-dhcp-wan-hostapd-openwrt-issue9696.txt'), { modemInterface: 'lte' }).length, 0);
  assert.is(filterLog(fixture('logread-procd-crash-loop-other-service-openwrt-packages-issue19946.txt'), { modemInterface: 'wan' }).length, 0);
});

log('the daemon’s own lines (procd logs stdout as node[pid]) and procd’s lines about modem-admin are the product’s', () => {
  // Built in procd's format (service/instance.c: basename(argv[0])[pid], daemon.info); no public capture exists.
  const ours = [
    'Sun Nov 29 16:11:01 2026 daemon.info node[2210]: audit: installer: restarted the router',
    'Sun Nov 29 16:11:02 2026 daemon.err node[2210]: error: GET /api/usage: boom',
    'Sun Nov 29 16:11:03 2026 daemon.info procd: Instance modem-admin::daemon s in a crash loop 6 crashes, 0 seconds since last crash',
  ];
  const lines = filterLog([...fixture('logread-boot-mixed-luci-app-modemband-issue4.txt'), ...ours], { modemInterface: null });
  assert.equal(lines.filter((l) => l.source === 'product').map((l) => l.level), ['info', 'err', 'info']);
});

log('a line that is not a log line is not parsed, and only the newest lines up to the limit are kept', () => {
  assert.is(parseLogLine('  continuation of a stack trace'), null);
  const many = Array.from({ length: 30 }, (_, i) => `Sun Nov 29 16:11:${String(i).padStart(2, '0')} 2026 daemon.info node[1]: line ${i}`);
  const kept = filterLog(many, { modemInterface: null }, 10);
  assert.is(kept.length, 10);
  assert.is(kept[0]!.text, 'line 20');
});

log.run();
