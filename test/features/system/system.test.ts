import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { AUDIT_FILE } from '../../../device-daemon/src/auth/audit-log.ts';
import { CUSTOMER_PASSWORD, INSTALLER_PASSWORD, testApp } from '../../helpers/app.ts';

type Json = Record<string, any>;
const system = suite('system page: facts, restart, factory reset, backup and restore, log, connectivity check');

async function setup() {
  const t = await testApp();
  const customer = await t.signIn(CUSTOMER_PASSWORD);
  const installer = await t.signIn(INSTALLER_PASSWORD);
  const as = (who: { cookie: string; csrf: string }) => (path: string, method = 'GET', body?: unknown) => t.request(path, { method, cookie: who.cookie, csrf: who.csrf, body });
  return { t, customer: as(customer), installer: as(installer), system: t.ports.system as typeof t.ports.system & { calls: string[]; wipePending: boolean; record: (i: string, x: string) => void } };
}

system('customers see what the device is; installers also see the daemon’s health and what a reset wipes', async () => {
  const { t, customer, installer } = await setup();
  t.advance(90_000);
  await t.runtime.tick(); // traffic moved the counters
  await t.built.stop(); // writes the state to flash
  const c = (await (await customer('/api/system')).json()) as Json;
  assert.is(c.model, 'Simulated LTE router');
  assert.match(c.firmware, /OpenWrt 24\.10/);
  assert.is(c.wanAddress, '10.164.221.88');
  assert.is(c.health, null);
  assert.is(c.factoryReset, null);
  assert.not.ok('freeBytes' in c);
  const i = (await (await installer('/api/system')).json()) as Json;
  assert.is(i.health.lastFlashWrite, '2026-11-21T12:01:30.000Z');
  assert.ok(i.factoryReset.wipes.includes('settings') && i.factoryReset.keeps.includes('firmware'));
});

system('a restart is confirmed, saves the state first, happens after the reply and is in the audit log with a code', async () => {
  const { t, customer, system } = await setup();
  for (let i = 0; i < 2; i++) {
    t.advance(2000);
    await t.runtime.tick(); // the second tick's counts wait for the next flash write (every 30 min)
  }
  t.flashWrites.length = 0;
  assert.is((await customer('/api/system/reboot', 'POST', {})).status, 400);
  assert.equal(system.calls, []);
  const res = await customer('/api/system/reboot', 'POST', { confirm: true });
  assert.is(res.status, 202);
  assert.equal(system.calls, ['reboot']);
  assert.ok(t.flashWrites.includes('usage'), 'the counts reached flash before the restart');
  const entry = t.audit.entries().at(-1)!;
  assert.equal([entry.role, entry.code, entry.event], ['customer', 'rebooted', 'restarted the router']);
});

system('factory reset: installers only, and only with RESET typed; it wipes on the reboot', async () => {
  const { customer, installer, system } = await setup();
  assert.is((await customer('/api/system/factory-reset', 'POST', { confirm: 'RESET' })).status, 403);
  const wrong = await installer('/api/system/factory-reset', 'POST', { confirm: 'reset please' });
  assert.is(wrong.status, 400);
  assert.match(((await wrong.json()) as Json).issues[0].path, /confirm/);
  assert.equal(system.calls, []);
  assert.is((await installer('/api/system/factory-reset', 'POST', { confirm: 'RESET' })).status, 202);
  assert.equal(system.calls, ['factory-reset', 'reboot', 'overlay wiped']);
});

system('backup downloads as a file; a restore of it changes the settings back and reloads them', async () => {
  const { t, installer } = await setup();
  const res = await installer('/api/system/backup');
  assert.match(res.headers.get('content-disposition')!, /attachment; filename="modem-admin-backup-2026-11-21\.json"/);
  const doc = (await res.json()) as Json;
  assert.is(doc.format, 'modem-admin-backup');
  await t.uci.batch('modem-admin', [{ op: 'set', path: 'modem-admin.plan.cap', value: '50G' }]);
  const restored = await installer('/api/system/restore', 'POST', doc);
  assert.is(restored.status, 200);
  assert.is(t.config().plan.cap, 20 * 1024 ** 3, 'the restored plan is the running one');
  assert.is(t.audit.entries().at(-1)!.code, 'backup-restored');
});

system('an audit entry’s code and params survive the audit file’s schema on the way to flash and back', async () => {
  const { t, installer } = await setup();
  const doc = (await (await installer('/api/system/backup')).json()) as Json;
  const { sections } = (await (await installer('/api/system/restore', 'POST', doc)).json()) as Json;
  assert.ok(sections > 3);
  await t.built.flusher.flush('shutdown');
  const stored = (await t.store.read(AUDIT_FILE))!.entries.at(-1)!;
  assert.equal([stored.role, stored.code, stored.params], ['installer', 'backup-restored', { n: sections }]);
  assert.match(stored.event, /restored the configuration/);
  // The RAM journal (what a daemon restart reads first) keeps them too.
  const journal = (await t.built.stores.ram.read(AUDIT_FILE))!.entries.at(-1)!;
  assert.equal([journal.code, journal.params], ['backup-restored', { n: sections }]);
});

system('a bad restore is refused with every problem named, and the stored configuration is untouched', async () => {
  const { t, installer } = await setup();
  const doc = (await (await installer('/api/system/backup')).json()) as Json;
  await t.uci.batch('modem-admin', [{ op: 'set', path: 'modem-admin.plan.cap', value: '50G' }]);
  const before = JSON.stringify(await t.uci.show('modem-admin'));
  const bad = { ...doc, config: doc.config.replace("option cap '20G'", "option cap 'lots'").replace("option cycle_day '1'", "option cycle_day '40'") };
  const res = await installer('/api/system/restore', 'POST', bad);
  assert.is(res.status, 400);
  const body = (await res.json()) as Json;
  assert.is(body.code, 'backup-refused', 'a code of its own: the page says nothing was changed');
  assert.equal(body.issues.map((i: Json) => i.path).sort(), ['plan.cap', 'plan.cycle_day']);
  assert.is(JSON.stringify(await t.uci.show('modem-admin')), before);
  assert.is(t.audit.entries().at(-1)!.code, 'restore-refused');
  assert.is((await installer('/api/system/restore', 'POST', 'not a backup')).status, 400);
});

system('the log shows the product’s and the modem’s lines only, and downloads as text', async () => {
  const { installer, customer, system } = await setup();
  system.record('node[2210]', 'audit: installer: restarted the router');
  system.record('hostapd', 'wlan0: STA 60:f6:77:9f:ec:c8 IEEE 802.11: authenticated');
  assert.is((await customer('/api/system/logs')).status, 403);
  const { lines } = (await (await installer('/api/system/logs')).json()) as Json;
  assert.ok(lines.some((l: Json) => l.source === 'product' && l.text.includes('restarted the router')));
  assert.ok(lines.some((l: Json) => l.source === 'modem' && l.ident === 'netifd'));
  assert.not.ok(lines.some((l: Json) => /hostapd|dnsmasq/.test(l.ident)));
  const file = await installer('/api/system/logs?download');
  assert.match(file.headers.get('content-type')!, /text\/plain/);
  assert.match(await file.text(), /node\[2210\]: audit: installer: restarted the router\n/);
});

system('the connectivity check asks the operator’s DNS for the configured host and pings it, in plain sentences', async () => {
  const { t, customer, system } = await setup();
  const body = (await (await customer('/api/system/connectivity', 'POST', { check: true })).json()) as Json;
  assert.is(body.host, 'downloads.openwrt.org');
  assert.equal(body.steps.map((s: Json) => s.kind), ['dns', 'dns', 'ping']);
  assert.ok(body.ok);
  assert.match(body.steps[0].summary, /^10\.74\.210\.210 resolved downloads\.openwrt\.org to 192\.0\.2\.\d+$/);
  assert.ok(system.calls.includes('nslookup downloads.openwrt.org 10.74.210.210'));
  t.device.modem.state = 'searching';
  const down = (await (await customer('/api/system/connectivity', 'POST', { check: true, target: '10.0.0.1' })).json()) as Json;
  assert.is(down.ok, false);
  assert.match(down.steps[0].summary, /no DNS server/);
  assert.equal(down.steps.at(-1), { kind: 'ping', target: '10.0.0.1', ok: false, summary: '10.0.0.1 did not answer (3 tries)', detail: { sent: 3, received: 0, avgMs: null } });
});

system('a target that is not a host name or an address is refused before anything runs', async () => {
  const { customer, system } = await setup();
  for (const target of ['-f', 'a;reboot', '$(id)', 'http://x/', 'a b']) {
    const res = await customer('/api/system/connectivity', 'POST', { check: true, target });
    assert.is(res.status, 400, target);
    assert.equal(((await res.json()) as Json).issues[0].path, 'target');
  }
  assert.equal(system.calls, []);
});

system.run();
