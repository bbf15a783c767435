// opkg's status file and the opkg stand-in, which must behave as opkg does
// where an updater can be fooled: exit 0 without installing, conffiles kept,
// a failing postinst, an install cut off halfway.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { installedVersion, parseOpkgStatus } from '../../device-daemon/src/core/ota/opkg-status.ts';
import { simOpkg } from '../../device-daemon/src/ports/ota/opkg-sim.ts';
import { CommandError } from '../../device-daemon/src/ports/runner.ts';
import { makeIpk } from '../helpers/ipk.ts';

const opkg = suite('opkg status and stand-in');

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'opkg-'));
  const root = join(dir, 'root');
  const sim = simOpkg(root, { name: 'modem-admin', version: '1.0.0-1' });
  const ipk = (name: string, options: Parameters<typeof makeIpk>[0]) => {
    const file = join(dir, name);
    writeFileSync(file, makeIpk(options));
    return file;
  };
  return { dir, root, sim, ipk };
}

opkg('the status file gives versions only for fully installed packages', () => {
  const entries = parseOpkgStatus(readFileSync(new URL('../fixtures/opkg/status', import.meta.url), 'utf8'));
  assert.equal(entries.map((e) => [e.package, e.state]), [['libc', 'installed'], ['dnsmasq', 'installed'], ['modem-admin', 'half-installed']]);
  assert.is(installedVersion(entries, 'dnsmasq'), '2.90-r4');
  assert.is(installedVersion(entries, 'modem-admin'), null, 'half-installed is not installed');
  assert.equal(entries[1]!.conffiles.map((c) => c.path), ['/etc/config/dhcp', '/etc/dnsmasq.conf']);
});

opkg('an upgrade installs and the status says so', async () => {
  const t = setup();
  const r = await t.sim.install(t.ipk('a.ipk', { version: '1.1.0-1' }));
  assert.is(r.code, 0);
  assert.match(r.stdout, /Upgrading modem-admin on root from 1\.0\.0-1 to 1\.1\.0-1/);
  assert.equal(await t.sim.status('modem-admin'), { version: '1.1.0-1', state: 'installed' });
  assert.is(readFileSync(join(t.root, 'usr/lib/modem-admin/daemon.mjs'), 'utf8'), '// 1.1.0-1\n');
});

opkg('an upgrade removes the files the new version no longer ships, and its file list says what is installed', async () => {
  const t = setup();
  await t.sim.install(t.ipk('a.ipk', { version: '1.1.0-1', files: { 'usr/lib/modem-admin/daemon.mjs': 'a', 'usr/lib/modem-admin/old.mjs': 'old' } }));
  await t.sim.install(t.ipk('b.ipk', { version: '1.2.0-1', files: { 'usr/lib/modem-admin/daemon.mjs': 'b' } }));
  assert.not.ok(existsSync(join(t.root, 'usr/lib/modem-admin/old.mjs')));
  assert.is(readFileSync(join(t.root, 'usr/lib/opkg/info/modem-admin.list'), 'utf8'), '/usr/lib/modem-admin/daemon.mjs\n');
  assert.match(readFileSync(join(t.root, 'usr/lib/opkg/info/modem-admin.control'), 'utf8'), /^Version: 1\.2\.0-1$/m);
});

opkg('a downgrade is refused with exit 0, and installs only with --force-downgrade', async () => {
  const t = setup();
  const old = t.ipk('old.ipk', { version: '0.9.0-1' });
  const r = await t.sim.install(old);
  assert.is(r.code, 0);
  assert.match(r.stdout, /Not downgrading package modem-admin on root from 1\.0\.0-1 to 0\.9\.0-1\./);
  assert.is((await t.sim.status('modem-admin'))!.version, '1.0.0-1');
  await t.sim.install(old, { forceDowngrade: true });
  assert.is((await t.sim.status('modem-admin'))!.version, '0.9.0-1');
});

opkg('a failed signature check exits 0 and installs nothing', async () => {
  const t = setup();
  t.sim.fail('signature');
  const r = await t.sim.install(t.ipk('a.ipk', { version: '1.1.0-1' }));
  assert.is(r.code, 0);
  assert.match(r.stderr, /Signature check failed/);
  assert.is((await t.sim.status('modem-admin'))!.version, '1.0.0-1');
});

opkg('a conffile the user changed is kept and the new one written beside it as -opkg', async () => {
  const t = setup();
  const files = (text: string) => ({ 'etc/config/modem-admin': text, 'usr/lib/modem-admin/daemon.mjs': 'x' });
  await t.sim.install(t.ipk('a.ipk', { version: '1.1.0-1', files: files('shipped 1\n'), conffiles: ['/etc/config/modem-admin'] }));
  writeFileSync(join(t.root, 'etc/config/modem-admin'), 'changed by the installer\n');
  const r = await t.sim.install(t.ipk('b.ipk', { version: '1.2.0-1', files: files('shipped 2\n'), conffiles: ['/etc/config/modem-admin'] }));
  assert.is(r.code, 0);
  assert.match(r.stderr, /Existing conffile \/etc\/config\/modem-admin is different from the conffile in the new package\. The new conffile will be placed at \/etc\/config\/modem-admin-opkg\./);
  assert.is(readFileSync(join(t.root, 'etc/config/modem-admin'), 'utf8'), 'changed by the installer\n');
  assert.is(readFileSync(join(t.root, 'etc/config/modem-admin-opkg'), 'utf8'), 'shipped 2\n');
  // Unchanged conffiles are simply replaced.
  await t.sim.install(t.ipk('c.ipk', { version: '1.3.0-1', files: files('shipped 2\n'), conffiles: ['/etc/config/modem-admin'] }));
  assert.is((await t.sim.status('modem-admin'))!.version, '1.3.0-1');
});

opkg('a failing postinst leaves the package unpacked, not installed', async () => {
  const t = setup();
  const r = await t.sim.install(t.ipk('a.ipk', { version: '1.1.0-1', postinst: '#!/bin/sh\necho broken\nexit 1\n' }));
  assert.is.not(r.code, 0);
  assert.match(r.stderr, /postinst script returned status 1/);
  assert.equal(await t.sim.status('modem-admin'), { version: '1.1.0-1', state: 'unpacked' });
  assert.is(installedVersion(parseOpkgStatus(t.sim.statusText()), 'modem-admin'), null);
});

opkg('an install cut off halfway leaves half the files and a half-installed status', async () => {
  const t = setup();
  t.sim.fail('cut-off');
  const files = { 'usr/lib/modem-admin/a.mjs': 'a', 'usr/lib/modem-admin/b.mjs': 'b', 'usr/lib/modem-admin/c.mjs': 'c', 'usr/lib/modem-admin/d.mjs': 'd' };
  try {
    await t.sim.install(t.ipk('a.ipk', { version: '1.1.0-1', files }));
    assert.unreachable('the install should die');
  } catch (error) {
    assert.instance(error, CommandError);
  }
  assert.equal(await t.sim.status('modem-admin'), { version: '1.1.0-1', state: 'half-installed' });
  assert.ok(existsSync(join(t.root, 'usr/lib/modem-admin/a.mjs')));
  assert.not.ok(existsSync(join(t.root, 'usr/lib/modem-admin/d.mjs')));
});

opkg('a file that is not an ipk is an error, not an install', async () => {
  const t = setup();
  writeFileSync(join(t.dir, 'x.ipk'), '<html>error</html>');
  await t.sim.install(join(t.dir, 'x.ipk')).then(
    () => assert.unreachable(),
    (e: Error) => assert.match(e.message, /not an ipk/),
  );
});

opkg.run();
