// Installs on the simulated device, against a channel on loopback: opkg's
// exit code is never the verdict; a failed install, a failed health check and
// a power cut end in the old package running again; firmware is tested with
// sysupgrade -T, flashed keeping the configuration, and confirmed after the
// reboot; notices outlive an expired manifest; a large download waits while
// the plan is throttled unless the release is critical.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { withMetadata } from '../../../device-daemon/src/core/ota/image-metadata.ts';
import { manualClock } from '../../../device-daemon/src/ports/clock/system.ts';
import { memoryStore } from '../../../device-daemon/src/ports/store/memory.ts';
import { BOARD, channel, device, otaConfig, START_VERSION, TRANSFER_NOTICE, type Channel } from '../../helpers/updates.ts';
import { UPDATES_FILE } from '../../../device-daemon/src/features/updates/state.ts';

const install = suite('updates: installing and undoing');
const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const DAY = 86_400_000;
let ch: Channel;

install.before(async () => {
  ch = await channel(NOW);
});
install.after(() => ch.server.close());

/** A device that checked the channel; its store survives "reboots" (new services). */
async function checked(release: Parameters<Channel['publish']>[0], files: Parameters<Channel['publish']>[1], options: { planState?: 'normal' | 'throttled' } = {}) {
  ch.publish(release, files);
  const dev = device();
  const store = memoryStore();
  const clock = manualClock(NOW);
  const config = otaConfig(ch.server.url, ch.rootLine);
  const boot = () => dev.service({ config, store, clock, planState: () => options.planState ?? 'normal' });
  const service = await boot();
  const result = await service.check();
  assert.ok(result.ok, result.message);
  return { dev, store, clock, service, boot };
}

const pkg = (version: string, extra: Record<string, unknown> = {}) => [{ id: `admin-${version}`, kind: 'package' as const, version, file: 'a.ipk', earliestInstall: '2026-11-21T00:00:00Z', ...extra }];

/** Keeps a copy of the running package, as the image or an earlier update leaves it. */
async function keepCurrent(dev: ReturnType<typeof device>) {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(`${dev.dir}/ota/packages`, { recursive: true });
  writeFileSync(`${dev.dir}/ota/packages/modem-admin_${START_VERSION}.ipk`, ch.ipk(START_VERSION));
}

install('the first rollback after the factory image needs no kept package: the running one is rebuilt from opkg\'s records', async () => {
  const d = await checked(pkg('0.3.6-1'), { 'a.ipk': ch.ipk('0.3.6-1') });
  const daemon = `${d.dev.dir}/root/usr/lib/modem-admin/daemon.mjs`;
  const { readFileSync } = await import('node:fs');
  assert.is(readFileSync(daemon, 'utf8'), `// ${START_VERSION}\n`, 'the factory package runs');
  d.dev.setHealthy(false);
  await d.service.installNow();
  assert.is(readFileSync(daemon, 'utf8'), '// 0.3.6-1\n');
  d.clock.advance(6 * 60_000);
  await d.service.tick();
  assert.equal(await d.dev.opkg.status('modem-admin'), { version: START_VERSION, state: 'installed' });
  assert.is(readFileSync(daemon, 'utf8'), `// ${START_VERSION}\n`, 'the factory files are back');
  assert.is(d.service.state().history[0]!.result, 'rolled-back');
});

install('opkg exiting 0 after a failed signature check is not taken for an install', async () => {
  const d = await checked(pkg('0.3.0-1'), { 'a.ipk': ch.ipk('0.3.0-1') });
  await keepCurrent(d.dev);
  d.dev.opkg.fail('signature');
  await d.service.installNow();
  assert.is((await d.dev.opkg.status('modem-admin'))!.version, START_VERSION);
  const h = d.service.state().history[0]!;
  assert.is(h.result, 'rolled-back');
  assert.match(h.detail, /opkg did not install 0\.3\.0-1 \(Signature check failed\.\)/);
});

install('a failing postinst is rolled back to the kept package', async () => {
  const d = await checked(pkg('0.3.1-1'), { 'a.ipk': ch.ipk('0.3.1-1', { postinst: '#!/bin/sh\nexit 1\n' }) });
  await keepCurrent(d.dev);
  await d.service.installNow();
  assert.equal(await d.dev.opkg.status('modem-admin'), { version: START_VERSION, state: 'installed' });
  assert.is(d.service.state().history[0]!.result, 'rolled-back');
});

install('a new daemon that does not prove its health in time is rolled back', async () => {
  const d = await checked(pkg('0.3.2-1'), { 'a.ipk': ch.ipk('0.3.2-1') });
  await keepCurrent(d.dev);
  d.dev.setHealthy(false);
  await d.service.installNow();
  assert.is((await d.dev.opkg.status('modem-admin'))!.version, '0.3.2-1');
  // The restart: the next daemon resumes the open job.
  const next = await d.boot();
  await next.tick();
  assert.is(next.state().job?.phase, 'awaiting-health', 'still within the deadline');
  d.clock.advance(6 * 60_000);
  await next.tick();
  assert.is((await d.dev.opkg.status('modem-admin'))!.version, START_VERSION);
  assert.match(next.state().history[0]!.detail, /no health check within 5 minutes/);
  assert.is(next.state().history[0]!.result, 'rolled-back');
});

install('a power cut halfway through opkg is rolled back at the next boot', async () => {
  const d = await checked(pkg('0.3.3-1'), { 'a.ipk': ch.ipk('0.3.3-1') });
  await keepCurrent(d.dev);
  const { writeFileSync } = await import('node:fs');
  const file = `${d.dev.dir}/cut.ipk`;
  writeFileSync(file, ch.ipk('0.3.3-1', { files: { 'usr/lib/modem-admin/a.mjs': 'a', 'usr/lib/modem-admin/b.mjs': 'b', 'usr/lib/modem-admin/c.mjs': 'c' } }));
  // The daemon wrote its job to flash, opkg began, and the power went halfway.
  d.service.state().job = { releaseId: 'admin-0.3.3-1', kind: 'package', version: '0.3.3-1', from: START_VERSION, phase: 'installing', deadline: null, backup: `${d.dev.dir}/ota/packages/modem-admin_${START_VERSION}.ipk`, file };
  await d.store.write(UPDATES_FILE, d.service.state());
  d.dev.opkg.fail('cut-off');
  await d.dev.opkg.install(file).catch(() => {});
  assert.is((await d.dev.opkg.status('modem-admin'))!.state, 'half-installed');
  const next = await d.boot();
  await next.tick();
  assert.equal(await d.dev.opkg.status('modem-admin'), { version: START_VERSION, state: 'installed' });
  assert.is(next.state().history[0]!.result, 'rolled-back');
  assert.is(next.state().job, null);
});

install('opkg dying during an install rolls back at once', async () => {
  const files = { 'usr/lib/modem-admin/a.mjs': 'a', 'usr/lib/modem-admin/b.mjs': 'b', 'usr/lib/modem-admin/c.mjs': 'c' };
  const d = await checked(pkg('0.3.5-1'), { 'a.ipk': ch.ipk('0.3.5-1', { files }) });
  await keepCurrent(d.dev);
  d.dev.opkg.fail('cut-off');
  await d.service.installNow();
  assert.equal(await d.dev.opkg.status('modem-admin'), { version: START_VERSION, state: 'installed' });
  assert.is(d.service.state().history[0]!.result, 'rolled-back');
});

install('an install whose process died after opkg finished is completed at the next boot', async () => {
  const d = await checked(pkg('0.3.4-1'), { 'a.ipk': ch.ipk('0.3.4-1') });
  await keepCurrent(d.dev);
  const file = `${d.dev.dir}/x.ipk`;
  (await import('node:fs')).writeFileSync(file, ch.ipk('0.3.4-1'));
  // opkg ran to the end, then the power went before the daemon wrote its next step.
  await d.dev.opkg.install(file);
  d.service.state().job = { releaseId: 'admin-0.3.4-1', kind: 'package', version: '0.3.4-1', from: START_VERSION, phase: 'installing', deadline: null, backup: null, file };
  await d.store.write(UPDATES_FILE, d.service.state());
  const next = await d.boot();
  await next.tick();
  await next.tick();
  assert.is(next.state().history[0]!.result, 'installed');
  assert.is((await d.dev.opkg.status('modem-admin'))!.version, '0.3.4-1');
});

const image = (boards: string[], version: string) => withMetadata(new Uint8Array(8192).fill(3), { metadata_version: '1.1', supported_devices: boards, version: { version } });

install('a firmware image is tested with sysupgrade -T, flashed keeping the config, and confirmed after the reboot', async () => {
  const d = await checked([{ id: 'fw-24.10.1', kind: 'firmware', version: '24.10.1', file: 'fw.bin', boards: [BOARD], earliestInstall: '2026-11-21T00:00:00Z' }], { 'fw.bin': image([BOARD], '24.10.1') });
  await d.service.installNow();
  assert.equal(d.dev.firmware.calls.map((c) => c.slice(0, -1)), [['sysupgrade', '-T'], ['sysupgrade']]);
  for (const call of d.dev.firmware.calls) assert.not.ok(call.includes('-n') || call.includes('-F'), 'never -n or -F');
  assert.ok(d.dev.flushes.length > 0, 'state flushed before the flash');
  assert.is(d.service.state().job!.phase, 'flashing');
  d.dev.firmware.boot();
  const next = await d.boot();
  await next.tick();
  assert.is(next.state().history[0]!.result, 'installed');
  assert.equal((await next.view('customer')).current.firmware, '24.10.1');
});

install('a firmware that boots back to the old version is recorded as failed', async () => {
  const d = await checked([{ id: 'fw-24.10.2', kind: 'firmware', version: '24.10.2', file: 'fw.bin', boards: [BOARD], earliestInstall: '2026-11-21T00:00:00Z' }], { 'fw.bin': image([BOARD], '24.10.2') });
  await d.service.installNow();
  d.dev.firmware.boot(true);
  const next = await d.boot();
  await next.tick();
  assert.is(next.state().history[0]!.result, 'failed');
  assert.match(next.state().history[0]!.detail, /booted 24\.10\.0, not 24\.10\.2/);
});

install('an image for another board, or without metadata, fails sysupgrade -T as fwtool_check_image words it', async () => {
  // The CLI refuses such an image at publish; the device's own check refuses it too.
  const dev = device();
  const { writeFileSync } = await import('node:fs');
  writeFileSync(`${dev.dir}/bad.bin`, image(['other,board'], '24.10.3'));
  const r = await dev.firmware.test(`${dev.dir}/bad.bin`);
  assert.is(r.code, 1);
  assert.match(r.stdout, /Device sim,lte-modem not supported by this image/);
  writeFileSync(`${dev.dir}/raw.bin`, new Uint8Array(4096));
  assert.match((await dev.firmware.test(`${dev.dir}/raw.bin`)).stdout, /Image metadata not found/);
  await dev.firmware.flash(`${dev.dir}/bad.bin`).then(
    () => assert.unreachable('flashed'),
    (e: Error) => assert.match(e.message, /not supported/),
  );
});

install('notices stay until their own end date after the manifest expires', async () => {
  ch.notice({ ...TRANSFER_NOTICE, from: '2026-11-01T00:00:00Z', until: '2027-02-01T00:00:00Z' });
  const d = await checked(pkg('0.4.0-1'), { 'a.ipk': ch.ipk('0.4.0-1') });
  assert.is((await d.service.view('customer')).notices[0]!.id, 'account-transfer');
  d.clock.advance(40 * DAY); // both documents expired, the ISP did not re-sign
  const result = await d.service.check();
  assert.not.ok(result.ok);
  assert.match(result.message, /expired/);
  const view = await d.service.view('customer');
  assert.is(view.notices[0]!.id, 'account-transfer', 'the notice is still shown');
  assert.is(view.pending, null, 'nothing installs from an expired manifest');
  d.clock.advance(40 * DAY); // past the notice's end
  assert.equal((await d.service.view('customer')).notices, []);
});

install('an HTML error page served as the manifest changes nothing', async () => {
  const d = await checked(pkg('0.4.1-1'), { 'a.ipk': ch.ipk('0.4.1-1') });
  const before = d.service.state().manifest;
  ch.server.files.delete('/manifest.json');
  ch.server.faults.set('/manifest.json', [{ kind: 'html-200' }]);
  ch.sync();
  ch.server.faults.set('/manifest.json', [{ kind: 'html-200' }]);
  d.service.state().etags = {};
  const result = await d.service.check();
  assert.not.ok(result.ok);
  assert.match(result.message, /manifest\.json: the signature is not in usign format|manifest\.json/);
  assert.equal(d.service.state().manifest, before);
});

install('a large download waits while the plan is throttled, unless the release is critical', async () => {
  const { randomBytes } = await import('node:crypto');
  const big = ch.ipk('0.5.0-1', { files: { 'usr/lib/modem-admin/big.bin': randomBytes(1_500_000).toString('base64') } });
  assert.ok(big.length > 1024 * 1024);
  const d = await checked(pkg('0.5.0-1'), { 'a.ipk': big }, { planState: 'throttled' });
  await d.service.tick();
  const view = await d.service.view('installer');
  assert.is(view.pending!.downloaded, false);
  assert.match(view.pending!.waiting ?? '', /waits while the plan is throttled/);
  const c = await checked(pkg('0.5.1-1', { critical: true }), { 'a.ipk': ch.ipk('0.5.1-1', { files: { 'usr/lib/modem-admin/big.bin': randomBytes(1_500_000).toString('base64') } }) }, { planState: 'throttled' });
  await c.service.tick();
  assert.is((await c.service.view('installer')).pending!.downloaded, true);
});

install.run();
