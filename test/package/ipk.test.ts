// The .ipk that `npm run package` makes: its container, control data and file
// list, checked with Debian's own tar rather than our writer's reader, and
// shellcheck on every shell script it ships.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildIpk, type BuiltPackage } from '../../build/package.ts';
import { missing } from '../helpers/requires.ts';

const repo = join(import.meta.dirname, '../..');
const test = suite('ipk package');
const skipTar = missing({ commands: ['tar'] });
const skipShellcheck = missing({ commands: ['shellcheck'] });

let work = '';
let built: BuiltPackage;
const run = (cmd: string, args: string[], cwd = work) => execFileSync(cmd, args, { cwd, encoding: 'utf8' });

/** "mode owner/group size path" for every entry of a tar.gz, as GNU tar lists it. */
function listing(archive: string): { mode: string; owner: string; size: number; path: string }[] {
  return run('tar', ['--numeric-owner', '-tvzf', archive])
    .trim()
    .split('\n')
    .map((line) => {
      const [mode, owner, size, , , path] = line.split(/\s+/);
      return { mode: mode!, owner: owner!, size: Number(size), path: path! };
    });
}

function control(): Record<string, string> {
  const text = readFileSync(join(work, 'control/control'), 'utf8');
  const fields: Record<string, string> = {};
  let last = '';
  for (const line of text.split('\n')) {
    if (line.startsWith(' ')) fields[last] += `\n${line}`;
    else if (line) {
      const at = line.indexOf(': ');
      last = line.slice(0, at);
      fields[last] = line.slice(at + 2);
    }
  }
  return fields;
}

test.before(() => {
  if (skipTar) return;
  if (!existsSync(join(repo, 'dist/daemon.mjs'))) execFileSync(process.execPath, ['--import', 'tsx', 'build/build.ts'], { cwd: repo, stdio: 'inherit' });
  work = mkdtempSync(join(tmpdir(), 'modem-admin-ipk-'));
  built = buildIpk({ outDir: work, mtime: 1_700_000_000 });
  for (const dir of ['outer', 'control', 'data']) run('mkdir', ['-p', dir]);
  run('tar', ['-xzf', built.file, '-C', 'outer']);
  run('tar', ['-xzf', 'outer/control.tar.gz', '-C', 'control']);
  run('tar', ['-xzf', 'outer/data.tar.gz', '-C', 'data']);
});

test.after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('is named <package>_<version>-<release>_all.ipk after package.json and the Makefile', () => {
  if (skipTar) return console.log(`  skipped: ${skipTar}`);
  const version = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version;
  const release = /^PKG_RELEASE:=(\d+)$/m.exec(readFileSync(join(repo, 'openwrt/Makefile'), 'utf8'))?.[1];
  assert.ok(release, 'the Makefile has a numeric PKG_RELEASE');
  assert.is(built.file, join(work, `modem-admin_${version}-${release}_all.ipk`));
});

test('is a gzipped tar of debian-binary, data.tar.gz and control.tar.gz, as ipkg-build makes it', () => {
  if (skipTar) return console.log(`  skipped: ${skipTar}`);
  const bytes = readFileSync(built.file);
  assert.equal([...bytes.subarray(0, 2)], [0x1f, 0x8b], 'gzip magic');
  const entries = listing(built.file);
  assert.equal(entries.map((e) => e.path), ['./debian-binary', './data.tar.gz', './control.tar.gz']);
  for (const e of entries) assert.is(e.owner, '0/0');
  assert.is(readFileSync(join(work, 'outer/debian-binary'), 'utf8'), '2.0\n');
});

test('the control file names the package, its dependencies and the installed size', () => {
  if (skipTar) return console.log(`  skipped: ${skipTar}`);
  const fields = control();
  for (const key of ['Package', 'Version', 'Depends', 'Source', 'Section', 'Maintainer', 'Architecture', 'Installed-Size', 'Description']) {
    assert.ok(fields[key], `control has ${key}`);
  }
  assert.is(fields.Package, 'modem-admin');
  assert.is(fields.Architecture, 'all');
  const depends = fields.Depends!.split(', ');
  for (const dep of ['libc', 'node', 'tc', 'ip', 'kmod-ifb', 'kmod-sched-core', 'nftables-json', 'modemmanager']) assert.ok(depends.includes(dep), `Depends has ${dep}`);
  const dataTar = gunzipSync(readFileSync(join(work, 'outer/data.tar.gz')));
  assert.is(Number(fields['Installed-Size']), dataTar.length, 'Installed-Size is the uncompressed data tar, as ipkg-build counts it');
  assert.ok(fields.Description!.includes('\n '), 'a multi-line description is continued with a leading space');
});

test('conffiles keeps the UCI config; keep.d keeps the state directory across sysupgrade', () => {
  if (skipTar) return console.log(`  skipped: ${skipTar}`);
  assert.is(readFileSync(join(work, 'control/conffiles'), 'utf8'), '/etc/config/modem-admin\n');
  const keep = readFileSync(join(work, 'data/lib/upgrade/keep.d/modem-admin'), 'utf8').split('\n');
  assert.ok(keep.includes('/etc/modem-admin/'), 'the state directory');
  assert.ok(keep.includes('/etc/modem-admin/label-secret'), 'the label secret, a conffile the package does not ship');
});

test('the maintainer scripts are the SDK defaults: enable and start on install, stop on removal', () => {
  if (skipTar) return console.log(`  skipped: ${skipTar}`);
  const entries = listing(join(work, 'outer/control.tar.gz'));
  assert.equal(entries.map((e) => e.path), ['./', './conffiles', './control', './postinst', './prerm']);
  assert.is(entries.find((e) => e.path === './postinst')!.mode, '-rwxr-xr-x');
  assert.is(entries.find((e) => e.path === './prerm')!.mode, '-rwxr-xr-x');
  const postinst = readFileSync(join(work, 'control/postinst'), 'utf8');
  assert.match(postinst, /IPKG_NO_SCRIPT/);
  assert.match(postinst, /default_postinst \$0 \$@/);
  assert.match(readFileSync(join(work, 'control/prerm'), 'utf8'), /default_prerm \$0 \$@/);
});

test('data holds the bundle, the gzip-only UI and the OpenWrt files at their paths and modes', () => {
  if (skipTar) return console.log(`  skipped: ${skipTar}`);
  const entries = listing(join(work, 'outer/data.tar.gz'));
  for (const e of entries) assert.is(e.owner, '0/0', `${e.path} is owned by root`);
  const files = new Map(entries.filter((e) => !e.path.endsWith('/')).map((e) => [e.path.slice(1), e.mode]));
  const www: string[] = [];
  const walk = (dir: string, at: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, `${at}/${name}`);
      else www.push(`${at}/${name}`);
    }
  };
  walk(join(repo, 'dist/www'), '/usr/lib/modem-admin/www');
  // The daemon's feature chunks (loaded on first use) ship beside it; the simulator does not.
  const chunks: string[] = [];
  for (const name of readdirSync(join(repo, 'dist/daemon')).sort()) chunks.push(`/usr/lib/modem-admin/daemon/${name}`);
  const expected: Record<string, string> = {
    '/etc/config/modem-admin': '-rw-------',
    '/etc/init.d/modem-admin': '-rwxr-xr-x',
    '/etc/uci-defaults/90-modem-admin': '-rwxr-xr-x',
    '/etc/hotplug.d/iface/90-modem-admin': '-rwxr-xr-x',
    '/etc/hotplug.d/ntp/90-modem-admin': '-rwxr-xr-x',
    '/lib/upgrade/keep.d/modem-admin': '-rw-r--r--',
    '/usr/lib/modem-admin/daemon.mjs': '-rw-r--r--',
    ...Object.fromEntries(www.map((f) => [f, '-rw-r--r--'])),
    ...Object.fromEntries(chunks.map((f) => [f, '-rw-r--r--'])),
  };
  assert.ok(chunks.length > 0 && chunks.every((f) => f.endsWith('.mjs')));
  assert.not.ok([...files.keys()].some((f) => f.endsWith('sim.mjs')), 'the simulator is not shipped');
  assert.equal(Object.fromEntries([...files].sort()), Object.fromEntries(Object.entries(expected).sort()));
  assert.ok(www.length > 0 && www.every((f) => f.endsWith('.gz')), 'the UI is stored as .gz files only');
  assert.equal(readFileSync(join(work, 'data/usr/lib/modem-admin/daemon.mjs')), readFileSync(join(repo, 'dist/daemon.mjs')));
  const paths = entries.map((e) => e.path);
  // As `tar --sort=name`: directory by directory, names in byte order ("daemon/" before "daemon.mjs").
  const parts = (p: string) => p.replace(/\/$/, '').split('/');
  const byName = (a: string, b: string) => {
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    return x.length - y.length;
  };
  assert.equal(paths, [...paths].sort(byName), 'entries sorted by name');
});

test('the same tree and mtime give the same bytes', () => {
  if (skipTar) return console.log(`  skipped: ${skipTar}`);
  const again = buildIpk({ outDir: join(work, 'again'), mtime: 1_700_000_000 });
  assert.equal(readFileSync(again.file), readFileSync(built.file));
});

test('the Makefile is a feed package for local files, in step with the .ipk', () => {
  const makefile = readFileSync(join(repo, 'openwrt/Makefile'), 'utf8');
  assert.match(makefile, /^\s*PKGARCH:=all$/m);
  assert.match(makefile, /^define Build\/Compile\nendef$/m);
  assert.match(makefile, /^define Package\/modem-admin\/conffiles\n\/etc\/config\/modem-admin\n/m);
  const version = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version;
  assert.match(makefile, new RegExp(`^PKG_VERSION:=${version.replace(/\./g, '\\.')}$`, 'm'), 'PKG_VERSION equals package.json');
});

test('the init script runs one named procd instance that respawns, logs to logd and reloads on SIGHUP', () => {
  const init = readFileSync(join(repo, 'openwrt/files/etc/init.d/modem-admin'), 'utf8');
  assert.match(init, /^#!\/bin\/sh \/etc\/rc\.common\n/);
  assert.match(init, /^USE_PROCD=1$/m);
  assert.match(init, /procd_open_instance daemon\n/);
  assert.match(init, /procd_set_param respawn \d+ \d+ \d+/);
  assert.match(init, /procd_set_param stdout 1/);
  assert.match(init, /procd_set_param stderr 1/);
  assert.match(init, /procd_add_reload_trigger "\$NAME"/);
  assert.match(init, /reload_service\(\) \{\n\tprocd_send_signal "\$NAME" daemon HUP/);
  assert.match(init, /procd_send_signal "\$NAME" daemon USR1/);
  assert.match(init, /--platform openwrt/);
  assert.match(init, /--max-old-space-size=/);
  assert.not.match(init, /--jitless/);
});

test('shellcheck finds nothing in any shell script the package ships', () => {
  if (skipTar) return console.log(`  skipped: ${skipTar}`);
  if (skipShellcheck) return console.log(`  skipped: ${skipShellcheck}`);
  const scripts = listing(join(work, 'outer/data.tar.gz'))
    .map((e) => e.path)
    .filter((p) => !p.endsWith('/') && readFileSync(join(work, 'data', p)).subarray(0, 9).toString() === '#!/bin/sh');
  assert.equal(scripts.sort(), [
    './etc/hotplug.d/iface/90-modem-admin',
    './etc/hotplug.d/ntp/90-modem-admin',
    './etc/init.d/modem-admin',
    './etc/uci-defaults/90-modem-admin',
  ]);
  // postinst and prerm are not checked: they are the SDK's own two-line
  // wrappers, byte for byte, and its unquoted `$0 $@` is theirs.
  try {
    run('shellcheck', ['-s', 'sh', '-f', 'gcc', ...scripts], join(work, 'data'));
  } catch (error) {
    assert.unreachable(`shellcheck:\n${(error as { stdout?: string }).stdout ?? (error as Error).message}`);
  }
});

test.run();
