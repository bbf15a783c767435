// The ISP's CLI, run as the ISP runs it (npm run ota -- ...) where the exit
// code and output matter, and through its modules for the refusals. A second
// implementation of the format, OpenBSD's signify (whose format usign
// follows), checks our keys and signatures both ways.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { withMetadata } from '../../device-daemon/src/core/ota/image-metadata.ts';
import { parsePublicKey, parseSignature } from '../../device-daemon/src/core/ota/usign.ts';
import { verifyEd25519 } from '../../device-daemon/src/ports/ota/ed25519.ts';
import { rollout } from '../../ota/channel-commands.ts';
import { CliError } from '../../ota/keyring.ts';
import { missing } from '../helpers/requires.ts';
import { makeKeys, publishRelease } from '../helpers/ota-channel.ts';

const cli = suite('ota CLI');
const root = new URL('../..', import.meta.url).pathname;
const ota = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'ota/cli.ts', ...args], { cwd: root, encoding: 'utf8' });

cli('keygen, publish and verify run as commands, and verify exits 1 on a tampered file', () => {
  const k = makeKeys();
  writeFileSync(join(k.dir, 'pkg.ipk'), 'ipk bytes');
  writeFileSync(join(k.dir, 'rel.json'), JSON.stringify({ releases: [{ id: 'r1', kind: 'package', version: '1.1.0-1', file: 'pkg.ipk', rolloutPercent: 10, earliestInstall: '2026-12-01T00:00:00Z', notes: { en: 'x', pl: 'y' } }] }));
  const pub = ota('publish', '--keys', k.keys, '--out', k.out, join(k.dir, 'rel.json'));
  assert.is(pub.status, 0, pub.stderr);
  const sha = createHash('sha256').update('ipk bytes').digest('hex');
  assert.equal(readdirSync(join(k.out, 'files')), [sha], 'the file is stored under its sha256');
  const ok = ota('verify', '--keys', k.keys, k.out);
  assert.is(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /ok {3}r1: package 1\.1\.0-1, 10% of devices/);
  writeFileSync(join(k.out, 'files', sha), 'ipk bytez');
  const bad = ota('verify', '--keys', k.keys, k.out);
  assert.is(bad.status, 1);
  assert.match(bad.stderr, /FAIL r1: files\/[0-9a-f]{64} does not match its size and sha256/);
  const usage = ota('frobnicate');
  assert.is(usage.status, 2);
  assert.match(usage.stderr, /usage: npm run ota/);
});

cli('notice add and remove, rollout, rotate-keys and refresh run as commands, and the channel verifies after each', () => {
  const k = makeKeys();
  const run = (...args: string[]) => {
    const r = ota(...args);
    assert.is(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const verify = () => run('verify', '--keys', k.keys, k.out);
  writeFileSync(join(k.dir, 'pkg.ipk'), 'ipk bytes');
  writeFileSync(join(k.dir, 'rel.json'), JSON.stringify({ releases: [{ id: 'r1', kind: 'package', version: '1.1.0-1', file: 'pkg.ipk', rolloutPercent: 10, earliestInstall: '2026-12-01T00:00:00Z', notes: { en: 'x', pl: 'y' } }] }));
  run('publish', '--keys', k.keys, '--out', k.out, join(k.dir, 'rel.json'));
  writeFileSync(join(k.dir, 'notice.json'), JSON.stringify({ id: 'account-transfer', kind: 'account', level: 'critical', audience: 'customers', from: '2026-11-01T00:00:00Z', until: '2026-12-20T00:00:00Z', text: { en: 'Call 1-800-233-8974.', pl: 'Zadzwoń pod 1-800-233-8974.' } }));
  assert.match(run('notice', 'add', '--keys', k.keys, '--out', k.out, join(k.dir, 'notice.json')), 'notice account-transfer (account)');
  assert.match(verify(), /ok {3}notices\.json: sequence 2, 1 notice\(s\)/);
  assert.match(run('rollout', '--keys', k.keys, '--out', k.out, '--release', 'r1', '--percent', '50'), 'r1: 50% of devices');
  assert.match(verify(), /r1: package 1\.1\.0-1, 50% of devices/);
  const oldRelease = readFileSync(join(k.keys, 'release.pub'), 'utf8');
  run('rotate-keys', '--keys', k.keys, '--role', 'release');
  assert.is.not(readFileSync(join(k.keys, 'release.pub'), 'utf8'), oldRelease, 'a new release key');
  // refresh signs with the new key and ships the key list that trusts it: devices with only the root key follow.
  run('refresh', '--keys', k.keys, '--out', k.out);
  assert.match(verify(), /ok {3}keys\.json: key list 2/);
  run('notice', 'remove', '--keys', k.keys, '--out', k.out, '--id', 'account-transfer');
  assert.match(verify(), /ok {3}notices\.json: sequence \d+, 0 notice\(s\)/);
});

cli('publish refuses a sequence not above the last one', () => {
  const k = makeKeys();
  publishRelease(k.keys, k.out, [{ id: 'r1', kind: 'package', version: '1.1.0-1', file: 'a.ipk' }], { 'a.ipk': 'a' }, undefined, { sequence: 5 });
  assert.throws(
    () => publishRelease(k.keys, k.out, [{ id: 'r1', kind: 'package', version: '1.1.0-1', file: 'a.ipk' }], { 'a.ipk': 'a' }, undefined, { sequence: 5 }),
    (e: Error) => e instanceof CliError && /sequence 5 is not above the last published \(5\)/.test(e.message),
  );
  const next = publishRelease(k.keys, k.out, [{ id: 'r1', kind: 'package', version: '1.1.0-1', file: 'a.ipk' }], { 'a.ipk': 'a' });
  assert.match(next.at(-1)!, /sequence 6/);
});

cli('publish refuses a file whose hash it cannot compute', () => {
  const k = makeKeys();
  assert.throws(
    () => publishRelease(k.keys, k.out, [{ id: 'r1', kind: 'package', version: '1.1.0-1', file: 'missing.ipk' }], {}),
    (e: Error) => e instanceof CliError && /cannot hash .*missing\.ipk: ENOENT/.test(e.message),
  );
});

cli('publish refuses a firmware image whose board list does not match, and one without metadata', () => {
  const k = makeKeys();
  const image = withMetadata(new Uint8Array(4096).fill(7), { metadata_version: '1.1', supported_devices: ['zbtlink,zbt-we826-16m'], version: { version: '24.10.0' } });
  const fw = (boards: string[], bytes: Uint8Array) => () =>
    publishRelease(k.keys, k.out, [{ id: 'fw', kind: 'firmware', version: '24.10.0', file: 'fw.bin', boards }], { 'fw.bin': bytes });
  assert.throws(fw(['glinet,gl-x750'], image), (e: Error) => /supports zbtlink,zbt-we826-16m, not glinet,gl-x750/.test(e.message));
  assert.throws(fw(['zbtlink,zbt-we826-16m'], new Uint8Array(4096)), (e: Error) => /no image metadata/.test(e.message));
  assert.throws(fw([], image), (e: Error) => /must name its boards/.test(e.message));
  assert.match(fw(['zbtlink,zbt-we826-16m'], image)()[0]!, /fw: firmware 24\.10\.0/);
});

cli('rollout raises the percent under a new sequence and keeps the salt', () => {
  const k = makeKeys();
  publishRelease(k.keys, k.out, [{ id: 'r1', kind: 'package', version: '1.1.0-1', file: 'a.ipk', rolloutPercent: 5 }], { 'a.ipk': 'a' });
  const before = JSON.parse(readFileSync(join(k.out, 'manifest.json'), 'utf8'));
  rollout(k.keys, k.out, 'r1', 50, Date.UTC(2026, 10, 22));
  const after = JSON.parse(readFileSync(join(k.out, 'manifest.json'), 'utf8'));
  assert.is(after.sequence, before.sequence + 1);
  assert.is(after.releases[0].rollout.percent, 50);
  assert.is(after.releases[0].rollout.salt, before.releases[0].rollout.salt);
  assert.throws(() => rollout(k.keys, k.out, 'nope', 50, Date.UTC(2026, 10, 22)), /no release nope/);
});

const noSignify = missing({ commands: ['signify-openbsd'] });
(noSignify ? cli.skip : cli)(`signify verifies our signatures, and we verify signify's${noSignify ? ` (${noSignify}: apt-get install signify-openbsd)` : ''}`, () => {
  const k = makeKeys();
  publishRelease(k.keys, k.out, [{ id: 'r1', kind: 'package', version: '1.1.0-1', file: 'a.ipk' }], { 'a.ipk': 'a' });
  execFileSync('signify-openbsd', ['-V', '-q', '-p', join(k.keys, 'release.pub'), '-x', join(k.out, 'manifest.json.sig'), '-m', join(k.out, 'manifest.json')]);
  // signify wants a secret key named *.sec; ours is the same format.
  copyFileSync(join(k.keys, 'notices.key'), join(k.dir, 'notices.sec'));
  writeFileSync(join(k.dir, 'Packages'), 'Package: modem-admin\nVersion: 1.1.0-1\n');
  execFileSync('signify-openbsd', ['-S', '-s', join(k.dir, 'notices.sec'), '-m', join(k.dir, 'Packages'), '-x', join(k.dir, 'Packages.sig')], { stdio: ['ignore', 'pipe', 'pipe'] });
  const sig = parseSignature(readFileSync(join(k.dir, 'Packages.sig'), 'utf8'))!;
  const key = parsePublicKey(readFileSync(join(k.keys, 'notices.pub'), 'utf8'))!;
  assert.is(sig.keyId, key.keyId);
  assert.ok(verifyEd25519(key.key, readFileSync(join(k.dir, 'Packages')), sig.signature));
});

cli.run();
