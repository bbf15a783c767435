// Rebuilding the running package from opkg's records (ports/ota/ipk-repack.ts),
// tested against the package our build makes (npm run package): installed in
// the opkg stand-in, which keeps /usr/lib/opkg/info as opkg does, then
// rebuilt; the rebuilt package has the same control fields, conffiles,
// scripts, files, bytes and modes, installs again as the same version, and
// Debian's tar reads it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildIpk, type BuiltPackage } from '../../build/package.ts';
import { readIpk, type Ipk } from '../../device-daemon/src/ports/ota/ipk.ts';
import { simOpkg } from '../../device-daemon/src/ports/ota/opkg-sim.ts';
import { missing } from '../helpers/requires.ts';

const test = suite('rebuilding the installed package');
const repo = join(import.meta.dirname, '../..');
const skipTar = missing({ commands: ['tar'] });

let work = '';
let built: BuiltPackage;
let shipped: Ipk;

test.before(() => {
  if (!existsSync(join(repo, 'dist/daemon.mjs'))) execFileSync(process.execPath, ['--import', 'tsx', 'build/build.ts'], { cwd: repo, stdio: 'inherit' });
  work = mkdtempSync(join(tmpdir(), 'ipk-repack-'));
  built = buildIpk({ outDir: work, mtime: 1_700_000_000 });
  shipped = readIpk(readFileSync(built.file));
});
test.after(() => rmSync(work, { recursive: true, force: true }));

async function installed(name: string) {
  const root = join(work, name);
  const opkg = simOpkg(root);
  const result = await opkg.install(built.file);
  assert.is(result.code, 0, result.stderr);
  return { root, opkg };
}

const byName = (files: Ipk['files']) => new Map(files.map((f) => [f.name, f]));

test("opkg's records are its control files as <pkg>.<file> and a list of the installed files without directories", async () => {
  const { root } = await installed('records');
  const info = join(root, 'usr/lib/opkg/info');
  assert.is(readFileSync(join(info, 'modem-admin.control'), 'utf8'), shipped.controlFiles.find((f) => f.name === 'control')!.data.toString());
  assert.is(readFileSync(join(info, 'modem-admin.conffiles'), 'utf8'), '/etc/config/modem-admin\n');
  assert.ok(existsSync(join(info, 'modem-admin.postinst')) && existsSync(join(info, 'modem-admin.prerm')));
  const list = readFileSync(join(info, 'modem-admin.list'), 'utf8').trim().split('\n');
  assert.equal([...list].sort(), [...built.files].sort());
});

test('the rebuilt package has the shipped control fields, conffiles, scripts, files, bytes and modes', async () => {
  const { opkg } = await installed('same');
  const again = readIpk(await opkg.repack('modem-admin'));
  assert.equal(again.control, shipped.control);
  assert.equal(again.conffiles, shipped.conffiles);
  assert.equal(again.scripts, shipped.scripts);
  const want = byName(shipped.files);
  const got = byName(again.files);
  assert.equal([...got.keys()].sort(), [...want.keys()].sort());
  for (const [name, f] of want) {
    assert.ok(got.get(name)!.data.equals(f.data), `${name}: same bytes`);
    assert.is(got.get(name)!.mode.toString(8), f.mode.toString(8), `${name}: same mode`);
  }
});

test('Debian tar lists the rebuilt package like the built one, directories included', async () => {
  if (skipTar) return console.log(`  skipped: ${skipTar}`);
  const { opkg } = await installed('tar');
  const file = join(work, 'rebuilt.ipk');
  writeFileSync(file, await opkg.repack('modem-admin'));
  const list = (ipk: string, dir: string) => {
    execFileSync('mkdir', ['-p', dir]);
    execFileSync('tar', ['-xzf', ipk, '-C', dir]);
    return execFileSync('tar', ['--numeric-owner', '-tvzf', join(dir, 'data.tar.gz')], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((l) => { const p = l.split(/\s+/); return `${p[0]} ${p[1]} ${p[2]} ${p[5]}`; });
  };
  assert.equal(list(file, join(work, 'x-rebuilt')), list(built.file, join(work, 'x-built')));
});

test('the rebuilt package installs again as the same version on a fresh device', async () => {
  const { opkg } = await installed('source');
  const file = join(work, 'again.ipk');
  writeFileSync(file, await opkg.repack('modem-admin'));
  const fresh = simOpkg(join(work, 'fresh'));
  await fresh.install(file);
  assert.equal(await fresh.status('modem-admin'), { version: `${built.spec.version}-${built.spec.release}`, state: 'installed' });
  assert.ok(readFileSync(join(work, 'fresh/usr/lib/modem-admin/daemon.mjs')).equals(readFileSync(join(repo, 'dist/daemon.mjs'))));
});

test("a conffile the user changed goes into the rebuilt package as the user has it", async () => {
  const { root, opkg } = await installed('changed');
  writeFileSync(join(root, 'etc/config/modem-admin'), "config plan 'plan'\n\toption cap '20G'\n");
  const again = readIpk(await opkg.repack('modem-admin'));
  assert.is(byName(again.files).get('etc/config/modem-admin')!.data.toString(), "config plan 'plan'\n\toption cap '20G'\n");
});

test('a listed file gone from flash means no package, with the path named', async () => {
  const { root, opkg } = await installed('damaged');
  unlinkSync(join(root, 'usr/lib/modem-admin/daemon.mjs'));
  try {
    await opkg.repack('modem-admin');
    assert.unreachable('a package without its daemon');
  } catch (error) {
    assert.match((error as Error).message, 'cannot rebuild modem-admin: /usr/lib/modem-admin/daemon.mjs is missing');
  }
});

test.run();
