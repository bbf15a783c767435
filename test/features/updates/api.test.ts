// The updates API on the simulated device, against an ISP channel served over
// loopback: a pending update and the account-transfer notice shown to a
// customer, deferred within its limit, then installed in the window; who may
// call what; every action in the audit log; the updater's bytes in the ledger.
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { OWN_DEVICE } from '../../../device-daemon/src/jobs/runtime.ts';
import { toLocal } from '../../../device-daemon/src/core/zoned-time.ts';
import type { UpdateService } from '../../../device-daemon/src/features/updates/service.ts';
import { CUSTOMER_PASSWORD, INSTALLER_PASSWORD, testApp } from '../../helpers/app.ts';
import { channel, device, otaConfig, START_VERSION, TRANSFER_NOTICE, type Channel } from '../../helpers/updates.ts';

const updates = suite('updates API');
const NOW = Date.UTC(2026, 10, 21, 12, 0, 0); // the test app's clock
const BASE = readFileSync(new URL('../../../openwrt/files/etc/config/modem-admin', import.meta.url), 'utf8');

let ch: Channel;
updates.before(async () => {
  ch = await channel(NOW);
  ch.publish([{ id: 'admin-0.2.0', kind: 'package', version: '0.2.0-1', file: 'a.ipk', noticeDays: 7, maxDeferDays: 3, earliestInstall: '2026-11-25T00:00:00Z' }], { 'a.ipk': ch.ipk('0.2.0-1') });
  ch.notice({ ...TRANSFER_NOTICE, from: '2026-11-01T00:00:00Z', until: '2026-12-20T00:00:00Z' });
});
updates.after(() => ch.server.close());

async function setup() {
  const dev = device();
  const config = BASE + otaConfig(ch.server.url, ch.rootLine);
  let service: UpdateService | null = null;
  const t = await testApp({
    config,
    updates: async (p) => (service = await dev.service({ config, store: p.flash, clock: p.clock, countBytes: (n) => p.runtime.addOwnUsage(n) })),
  });
  const customer = await t.signIn(CUSTOMER_PASSWORD);
  const installer = await t.signIn(INSTALLER_PASSWORD);
  const get = async (who: { cookie: string }) => {
    const res = await t.request('/api/updates', { cookie: who.cookie });
    assert.is(res.status, 200);
    return (await res.json()) as any;
  };
  const post = (who: { cookie: string; csrf: string }, path: string, body: unknown = {}) => t.request(path, { method: 'POST', cookie: who.cookie, csrf: who.csrf, body });
  // Moving the clock days ahead ends sessions (15 minutes idle): sign in again.
  const customerAgain = () => t.signIn(CUSTOMER_PASSWORD);
  return { t, dev, customer, installer, get, post, customerAgain, service: () => service! };
}

updates('before a check: the running version, nothing pending, no notices', async () => {
  const s = await setup();
  const view = await s.get(s.customer);
  assert.equal(view.current, { package: START_VERSION, firmware: '24.10.0' });
  assert.is(view.pending, null);
  assert.equal(view.notices, []);
});

updates('customers may not check or install now; installers may', async () => {
  const s = await setup();
  assert.is((await s.post(s.customer, '/api/updates/check')).status, 403);
  assert.is((await s.post(s.customer, '/api/updates/install-now')).status, 403);
  const res = await s.post(s.installer, '/api/updates/check');
  assert.is(res.status, 200);
  assert.is(((await res.json()) as { ok: boolean }).ok, true);
  const audit = (await (await s.t.request('/api/audit', { cookie: s.installer.cookie })).json()) as { entries: { event: string }[] };
  assert.ok(audit.entries.some((e) => /checked for updates/.test(e.event)));
});

updates('after a check a customer sees the pending update with its notes and time, and the account-transfer notice', async () => {
  const s = await setup();
  await s.post(s.installer, '/api/updates/check');
  const view = await s.get(s.customer);
  assert.is(view.pending.version, '0.2.0-1');
  assert.is(view.pending.notes.pl, 'Szybsza strona zużycia');
  const local = toLocal(view.pending.installAt, 'Europe/Warsaw');
  assert.ok(local.hour >= 1 && local.hour < 6, 'installs inside 01:00-06:00 in the plan zone');
  assert.is(view.pending.canDefer, true);
  assert.is(view.notices.length, 1);
  assert.is(view.notices[0].kind, 'account');
  assert.match(view.notices[0].text.en, /serviced directly by the carrier\. Call 1-800-233-8974/);
});

updates('a customer defers within the limit; beyond it is refused; a bad body names the field', async () => {
  const s = await setup();
  await s.post(s.installer, '/api/updates/check');
  const before = (await s.get(s.customer)).pending.installAt;
  const ok = await s.post(s.customer, '/api/updates/defer', { days: 2 });
  assert.is(ok.status, 200);
  const after = (await s.get(s.customer)).pending;
  assert.is(after.installAt - before, 2 * 86_400_000);
  const tooFar = await s.post(s.customer, '/api/updates/defer', { days: 2 });
  assert.is(tooFar.status, 409);
  assert.match(((await tooFar.json()) as { error: string }).error, /at most 3 days/);
  const bad = await s.post(s.customer, '/api/updates/defer', { days: 'soon' });
  assert.is(bad.status, 400);
  assert.match(((await bad.json()) as { error: string }).error, /^days: /);
  const audit = (await (await s.t.request('/api/audit', { cookie: s.installer.cookie })).json()) as { entries: { role: string; event: string }[] };
  assert.ok(audit.entries.some((e) => e.role === 'customer' && /deferred the pending update by 2 day/.test(e.event)));
});

updates('the update installs in its window slot and not before; the new version is confirmed from opkg status', async () => {
  const s = await setup();
  await s.post(s.installer, '/api/updates/check');
  const slot = (await s.get(s.customer)).pending.installAt;
  s.t.clock.set(slot - 60_000);
  await s.service().tick();
  assert.is((await s.dev.opkg.status('modem-admin'))!.version, START_VERSION, 'a minute early: nothing installed');
  s.t.clock.set(slot);
  await s.service().tick(); // installs, restarts the service
  assert.is((await s.dev.opkg.status('modem-admin'))!.version, '0.2.0-1');
  assert.equal(s.dev.opkg.restarts, ['modem-admin']);
  await s.service().tick(); // the new daemon is healthy
  const view = await s.get(await s.customerAgain());
  assert.equal(view.current.package, '0.2.0-1');
  assert.is(view.pending, null);
  assert.is(view.history[0].result, 'installed');
  assert.ok(s.dev.flushes.length >= 1, 'state went to flash before the install');
  // The updater's bytes are in the ledger as the device's own.
  assert.ok(view.updaterBytes > 0);
  assert.is(s.t.runtime.usage().ledger.devices[OWN_DEVICE]!.down, view.updaterBytes);
});

updates('an installer installs now, outside the window', async () => {
  const s = await setup();
  await s.post(s.installer, '/api/updates/check');
  const res = await s.post(s.installer, '/api/updates/install-now');
  assert.is(res.status, 200);
  assert.is((await s.dev.opkg.status('modem-admin'))!.version, '0.2.0-1');
});

updates('nothing installs while the clock is not trusted', async () => {
  const s = await setup();
  await s.post(s.installer, '/api/updates/check');
  const slot = (await s.get(s.customer)).pending.installAt;
  s.t.clock.set(slot);
  s.t.clock.setTrusted(false);
  await s.service().tick();
  assert.is((await s.dev.opkg.status('modem-admin'))!.version, START_VERSION);
  assert.match((await s.get(await s.customerAgain())).pending.waiting, /clock/);
});

updates.run();
