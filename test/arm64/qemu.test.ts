// The daemon bundle on ARM: dist/daemon.mjs under qemu-user with Debian's arm64
// Node 20 (trixie ships 20.19; bookworm has 18), on the simulated platform.
//
// The arm64 root is made once with debootstrap and cached outside the repo at
// ARM64_ROOT, so later runs skip the download. No chroot and no binfmt_misc:
// `debootstrap --foreign` only downloads and unpacks (no arm64 code runs), we
// unpack the rest of the .debs with dpkg-deb, and qemu-aarch64-static -L ROOT
// runs ROOT/usr/bin/node with the loader and libraries from ROOT, while paths
// that are not in ROOT (the bundle, the state dir) come from the host.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { repo, signInCustomer, startDaemonProcess, type DaemonProcess } from '../../build/daemon-process.ts';
import { missing } from '../helpers/requires.ts';

/** Keep in step with build/bench.ts. */
const ARM64_ROOT = process.env.MODEM_ADMIN_ARM64_ROOT ?? '/var/cache/modem-admin/arm64-root';
const MARKER = join(ARM64_ROOT, '.modem-admin-root');
const QEMU = 'qemu-aarch64-static';
const MIRROR = process.env.DEBIAN_MIRROR ?? 'http://deb.debian.org/debian';
const SUITE = 'trixie';

function valid(root: string): boolean {
  return existsSync(join(root, 'usr/bin/node')) && existsSync(join(root, '.modem-admin-root'));
}

function nodeVersion(root: string): string {
  return execFileSync(QEMU, ['-L', root, join(root, 'usr/bin/node'), '--version'], { encoding: 'utf8', timeout: 120_000 }).trim();
}

/** Builds the arm64 root next to ARM64_ROOT and moves it in place once it runs Node 20. */
function buildRoot(): number {
  const started = performance.now();
  const partial = `${ARM64_ROOT}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const run = (cmd: string, args: string[]) => {
    try {
      execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`${cmd} ${args.join(' ')} failed:\n${e.stderr ?? ''}${(e.stdout ?? '').slice(-4000)}`);
    }
  };
  run('debootstrap', ['--foreign', '--arch=arm64', '--variant=minbase', '--include=nodejs', SUITE, partial, MIRROR]);
  const archives = join(partial, 'var/cache/apt/archives');
  for (const deb of readdirSync(archives).filter((f) => f.endsWith('.deb')).sort()) {
    run('dpkg-deb', ['-x', join(archives, deb), partial]);
    rmSync(join(archives, deb));
  }
  const version = nodeVersion(partial);
  if (!version.startsWith('v20.')) throw new Error(`the arm64 root has Node ${version}, not 20`);
  writeFileSync(join(partial, '.modem-admin-root'), `debootstrap ${SUITE} arm64 minbase + nodejs ${version}\n`);
  rmSync(ARM64_ROOT, { recursive: true, force: true });
  renameSync(partial, ARM64_ROOT);
  return performance.now() - started;
}

const test = suite('arm64 under qemu-user');
const cached = valid(ARM64_ROOT);
const skip = missing(cached ? { commands: [QEMU] } : { root: true, commands: [QEMU, 'debootstrap', 'dpkg-deb'] });
let daemon: DaemonProcess | null = null;

test.before(async () => {
  if (skip) return;
  if (!existsSync(join(repo, 'dist/daemon.mjs'))) execFileSync(process.execPath, ['--import', 'tsx', 'build/build.ts'], { cwd: repo, stdio: 'inherit' });
  if (!cached) {
    const ms = buildRoot();
    console.log(`  arm64 root built in ${(ms / 1000).toFixed(1)} s at ${ARM64_ROOT}`);
  }
});

test.after(async () => {
  await daemon?.dispose();
});

test('the cached root holds Debian arm64 Node 20', () => {
  if (skip) return console.log(`  skipped: ${skip}`);
  assert.match(readFileSync(MARKER, 'utf8'), /nodejs v20\./);
  assert.match(nodeVersion(ARM64_ROOT), /^v20\./);
  const arch = execFileSync(QEMU, ['-L', ARM64_ROOT, join(ARM64_ROOT, 'usr/bin/node'), '-p', 'process.arch'], { encoding: 'utf8', timeout: 120_000 }).trim();
  assert.is(arch, 'arm64');
});

test('the bundle starts under qemu-aarch64 and answers /healthz', async () => {
  if (skip) return console.log(`  skipped: ${skip}`);
  const t0 = performance.now();
  // Emulated V8 starts slowly (seconds, not milliseconds): allow minutes.
  daemon = await startDaemonProcess({ command: [QEMU, '-L', ARM64_ROOT, join(ARM64_ROOT, 'usr/bin/node')], timeoutMs: 240_000 });
  console.log(`  started under qemu in ${Math.round(performance.now() - t0)} ms`);
  const res = await fetch(`${daemon.url}/healthz`);
  assert.is(res.status, 200);
  assert.is(await res.text(), 'ok');
});

test('first-boot setup and a signed-in /api/status work under emulation', async () => {
  if (skip) return console.log(`  skipped: ${skip}`);
  assert.ok(daemon, 'the daemon started');
  const { cookie } = await signInCustomer(daemon!);
  const res = await fetch(`${daemon!.url}/api/status`, { headers: { cookie } });
  assert.is(res.status, 200, await res.clone().text());
  const status = (await res.json()) as { time?: unknown; connection?: { bars?: unknown } };
  assert.type(status.time, 'string');
  assert.type(status.connection?.bars, 'number');
});

test.run();
