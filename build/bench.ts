// npm run bench: the daemon against a bare node:http server answering the same
// JSON, side by side in one run, so the ratios hold on any machine. Prints a
// table and, last, one line of JSON. Nothing here is asserted: these are figures.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, repo, signInCustomer, startDaemonProcess } from './daemon-process.ts';
import { measureSizes } from './size.ts';
import { capToShapedMs, tickCost } from './bench-plan.ts';
import { routerSetting, type RouterSetting } from './bench-router.ts';
import { throttledLine } from './bench-throttle.ts';

const STARTS = 5;
const REQUESTS = 20_000;
const CONCURRENCY = 4;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function rssKiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether wrk (Debian's package) is installed: a C load generator loads the server, not itself. */
const haveWrk = (() => {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk --version exits 1 after printing its version.
    return (error as { status?: number }).status === 1;
  }
})();

/** Requests per second from wrk over 5 s, or null without wrk. */
function wrkRate(port: number, path: string, headers: Record<string, string>, concurrency: number): number | null {
  if (!haveWrk) return null;
  const args = ['-t1', `-c${concurrency}`, '-d5s', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), `http://127.0.0.1:${port}${path}`];
  const out = execFileSync('wrk', args, { encoding: 'utf8' });
  if (/Non-2xx/.test(out)) throw new Error(`wrk saw errors:\n${out}`);
  return Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
}

/** Sends exactly `count` GETs from a Node client; returns its requests per second. */
async function load(port: number, path: string, headers: Record<string, string>, count: number, concurrency: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let sent = 0;
  let failed = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path, headers, agent }, (res) => {
        if (res.statusCode !== 200) failed++;
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', () => {
        failed++;
        resolve();
      });
      req.end();
    });
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < count) {
        sent++;
        await one();
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  if (failed) throw new Error(`${failed} of ${count} requests failed`);
  return count / seconds;
}

/** One start's figures. RSS in KiB; the bare server has no sign-in rows. */
type Life = {
  startupMs: number;
  /** After IDLE_MS of ticking, before anyone signs in: most of a router's life. */
  idleKiB: number;
  signedInKiB?: number;
  /** After REQUESTS status requests. */
  loadedKiB: number;
  /** The highest RSS during BURST concurrent sign-ins (VmHWM, reset before the burst); bare: its highest ever. */
  peakKiB: number;
  rps?: number;
};

const IDLE_MS = 3000;
const BURST = 8;

function peakKiB(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0);
}

/** Resets VmHWM to the current RSS (proc(5): clear_refs, value 5). */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** The figures of every start, one key at a time, as medians. */
function medians<T extends Record<string, number | undefined>>(lives: T[]): { [K in keyof T]: number } {
  const out: Record<string, number> = {};
  for (const key of Object.keys(lives[0]!)) {
    const xs = lives.map((l) => l[key]).filter((x): x is number => x !== undefined);
    if (xs.length) out[key] = median(xs);
  }
  return out as { [K in keyof T]: number };
}

async function benchBare(statusJson: string, v8Flags: string[]): Promise<Life> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const file = join(dir, 'status.json');
  writeFileSync(file, statusJson);
  const lives: Life[] = [];
  for (let i = 0; i < STARTS; i++) {
    const port = await freePort();
    const t0 = performance.now();
    const child = spawn(process.execPath, [...v8Flags, join(repo, 'build/bench-bare-server.mjs'), String(port), file], { stdio: 'ignore' });
    while (!(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false))) await sleep(5);
    const startupMs = performance.now() - t0;
    await sleep(IDLE_MS);
    const idleKiB = rssKiB(child.pid!);
    const nodeRps = await load(port, '/api/status', {}, REQUESTS, CONCURRENCY);
    const loadedKiB = rssKiB(child.pid!);
    const rps = i === STARTS - 1 ? (wrkRate(port, '/api/status', {}, CONCURRENCY) ?? nodeRps) : undefined;
    lives.push({ startupMs, idleKiB, loadedKiB, peakKiB: peakKiB(child.pid!), rps });
    child.kill();
  }
  return medians(lives);
}

/** How many of each start's burst sign-ins the full hash queue refused with 503. */
const burstRefused: number[] = [];

/** A customer sign-in from `from` (a loopback address of its own); its status. */
function signInFrom(url: string, from: string, password = 'customer-password-1'): Promise<number> {
  const { hostname, port } = new URL(url);
  const body = JSON.stringify({ password });
  return new Promise((resolve, reject) => {
    const req = request(
      { host: hostname, port, path: '/api/session', method: 'POST', localAddress: from, agent: false, headers: { 'content-type': 'application/json', origin: url } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function benchDaemon(setting: RouterSetting): Promise<{ life: Life; statusJson: string }> {
  const stateDir = mkdtempSync(join(tmpdir(), 'bench-daemon-'));
  const lives: Life[] = [];
  let statusJson = '';
  for (let i = 0; i < STARTS; i++) {
    const t0 = performance.now();
    const d = await startDaemonProcess({
      stateDir,
      platform: setting.platform,
      command: [process.execPath, ...setting.v8Flags],
      args: ['--ram-dir', join(stateDir, 'ram')],
      pollMs: 5,
    });
    const startupMs = performance.now() - t0;
    await sleep(IDLE_MS);
    const idleKiB = rssKiB(d.pid);
    // The first start sets the password up (label secret), the later ones sign in.
    const { cookie } = await signInCustomer(d);
    await sleep(500);
    const signedInKiB = rssKiB(d.pid);
    const headers = { cookie, 'x-background': '1' };
    statusJson = await (await fetch(`${d.url}/api/status`, { headers })).text();
    const nodeRps = await load(d.port, '/api/status', headers, REQUESTS, CONCURRENCY);
    const loadedKiB = rssKiB(d.pid);
    const rps = i === STARTS - 1 ? (wrkRate(d.port, '/api/status', headers, CONCURRENCY) ?? nodeRps) : undefined;
    resetPeak(d.pid);
    // A household's phones signing in at once, each from its own address (one client's parallel
    // tries get 429 after its free tries). A full hash queue answers 503 at once; that is counted.
    const burst = await Promise.all(Array.from({ length: BURST }, (_, n) => signInFrom(d.url, `127.0.3.${n + 1}`)));
    if (burst.some((status) => status !== 200 && status !== 503)) throw new Error(`sign-in burst: ${burst.join(' ')}`);
    burstRefused.push(burst.filter((status) => status === 503).length);
    lives.push({ startupMs, idleKiB, signedInKiB, loadedKiB, peakKiB: peakKiB(d.pid), rps });
    await d.stop();
  }
  return { life: medians(lives), statusJson };
}

// ---- arm64 under qemu-user (optional) ----------------------------------------
// When the arm64 root of test/arm64 exists (Debian trixie's Node 20, built
// there with debootstrap), start the daemon and the bare server with that Node
// under qemu-aarch64-static. Both pay the emulator, so the ratios say what the
// daemon adds on ARM; RSS is the qemu process's (guest memory plus translated
// code), read from the host.
const ARM64_ROOT = process.env.MODEM_ADMIN_ARM64_ROOT ?? '/var/cache/modem-admin/arm64-root'; // as in test/arm64/qemu.test.ts
const ARM64_STARTS = 3;

type Arm64Figures = { startupMs: number; idleRssKiB: number };

async function benchArm64(statusJson: string): Promise<{ node: string; daemon: Arm64Figures; bare: Arm64Figures } | null> {
  const qemu = 'qemu-aarch64-static';
  const onPath = (process.env.PATH ?? '').split(':').some((dir) => existsSync(join(dir, qemu)));
  if (!existsSync(join(ARM64_ROOT, '.modem-admin-root')) || !onPath) return null;
  const prefix = [qemu, '-L', ARM64_ROOT, join(ARM64_ROOT, 'usr/bin/node')];
  const node = execFileSync(prefix[0]!, [...prefix.slice(1), '--version'], { encoding: 'utf8' }).trim();

  const daemonStarts: number[] = [];
  let daemonRss = 0;
  const stateDir = mkdtempSync(join(tmpdir(), 'bench-arm64-'));
  for (let i = 0; i < ARM64_STARTS; i++) {
    const t0 = performance.now();
    const d = await startDaemonProcess({ stateDir, command: prefix, timeoutMs: 240_000 });
    daemonStarts.push(performance.now() - t0);
    if (i === ARM64_STARTS - 1) {
      await sleep(5000);
      daemonRss = rssKiB(d.pid);
    }
    await d.dispose();
  }

  const file = join(mkdtempSync(join(tmpdir(), 'bench-arm64-bare-')), 'status.json');
  writeFileSync(file, statusJson);
  const bareStarts: number[] = [];
  let bareRss = 0;
  for (let i = 0; i < ARM64_STARTS; i++) {
    const port = await freePort();
    const t0 = performance.now();
    const child = spawn(prefix[0]!, [...prefix.slice(1), join(repo, 'build/bench-bare-server.mjs'), String(port), file], { stdio: 'ignore' });
    while (!(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false))) await sleep(20);
    bareStarts.push(performance.now() - t0);
    if (i === ARM64_STARTS - 1) {
      await sleep(5000);
      bareRss = rssKiB(child.pid!);
    }
    child.kill();
  }
  return {
    node,
    daemon: { startupMs: median(daemonStarts), idleRssKiB: daemonRss },
    bare: { startupMs: median(bareStarts), idleRssKiB: bareRss },
  };
}

const setting = routerSetting();
const daemon = await benchDaemon(setting);
const bare = await benchBare(daemon.statusJson, setting.v8Flags);
const sizes = measureSizes(join(repo, 'dist'));
const tickMicros = Math.round(await tickCost(35));
const capToShaped = await capToShapedMs();
const throttled = await throttledLine();
const arm64 = await benchArm64(daemon.statusJson);
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const d = daemon.life;
const mib = (kib: number) => Math.round((kib / 1024) * 10) / 10;
const result = {
  node: process.version,
  load: haveWrk ? 'wrk' : 'node',
  /** openwrt: the router's ports (real ip/tc/nft in a namespace, stand-in uci and mmcli); sim without root. */
  platform: setting.platform,
  v8Flags: setting.v8Flags.join(' '),
  startupMs: { daemon: Math.round(d.startupMs), bare: Math.round(bare.startupMs), ratio: ratio(d.startupMs, bare.startupMs) },
  idleRssKiB: { daemon: d.idleKiB, bare: bare.idleKiB, ratio: ratio(d.idleKiB, bare.idleKiB) },
  signedInRssKiB: { daemon: d.signedInKiB!, bare: bare.idleKiB, ratio: ratio(d.signedInKiB!, bare.idleKiB) },
  loadedRssKiB: { daemon: d.loadedKiB, bare: bare.loadedKiB, ratio: ratio(d.loadedKiB, bare.loadedKiB) },
  /** Peak RSS during BURST concurrent sign-ins against bare Node's peak; the target is in MiB above it. */
  burstPeakRssKiB: { daemon: d.peakKiB, bare: bare.peakKiB, ratio: ratio(d.peakKiB, bare.peakKiB), overMiB: mib(d.peakKiB - bare.peakKiB) },
  rps: { daemon: Math.round(d.rps!), bare: Math.round(bare.rps!), ratio: ratio(d.rps!, bare.rps!) },
  uiGzip: sizes.ui.gzip,
  /** The largest first load: sign-in, setup or the overview, in English or Polish. */
  landingGzip: Math.max(...sizes.landings.map((l) => l.gzip)),
  daemonBytes: sizes.daemon?.raw ?? null,
  daemonAllBytes: sizes.daemonAll?.raw ?? null,
  tickMicrosWith35Clients: tickMicros,
  /** Apply time after the tick that sees the crossing; the tick comes at most poll_ms (1000) after it. */
  capToShapedMs: capToShaped === null ? null : Math.round(capToShaped),
  /** Median round trips (ms) from the LAN through the throttle, idle and with bulk TCP filling each direction; null without root. */
  throttled,
  /** Under qemu-aarch64-static with Debian's arm64 Node; null without the arm64 root (see test/arm64). */
  arm64: arm64 && {
    node: arm64.node,
    startupMs: { daemon: Math.round(arm64.daemon.startupMs), bare: Math.round(arm64.bare.startupMs), ratio: ratio(arm64.daemon.startupMs, arm64.bare.startupMs) },
    idleRssKiB: { daemon: arm64.daemon.idleRssKiB, bare: arm64.bare.idleRssKiB, ratio: ratio(arm64.daemon.idleRssKiB, arm64.bare.idleRssKiB) },
  },
};
const targets: Record<string, string> = {
  startupMs: '<= 1.3x',
  idleRssKiB: '<= 1.15x',
  signedInRssKiB: '',
  loadedRssKiB: '<= 1.25x',
  burstPeakRssKiB: `<= bare + 24 MiB (${result.burstPeakRssKiB.overMiB} over)`,
  rps: '>= 0.7x',
};
console.log(`\n${'figure'.padEnd(17)}${'daemon'.padStart(10)}${'bare'.padStart(10)}${'ratio'.padStart(8)}  target`);
for (const key of ['startupMs', 'idleRssKiB', 'signedInRssKiB', 'loadedRssKiB', 'burstPeakRssKiB', 'rps'] as const) {
  const f = result[key];
  console.log(`${key.padEnd(17)}${String(f.daemon).padStart(10)}${String(f.bare).padStart(10)}${String(f.ratio).padStart(8)}  ${targets[key]}`);
}
console.log(
  `(--platform ${setting.platform}${setting.fallback ? ` because ${setting.fallback}` : ', real ip/tc/nft in a namespace, stand-in uci and mmcli'}; node ${setting.v8Flags.join(' ')} as the init script; ` +
    `median of ${STARTS} starts; idle ${IDLE_MS / 1000} s after start, before any sign-in; signedIn against bare idle; RSS after ${REQUESTS} status requests; peak during ${BURST} concurrent sign-ins from ${BURST} addresses (${burstRefused.join('/')} of them answered 503 by the full hash queue); ` +
    `rps on /api/status over ${CONCURRENCY} keep-alive connections ${haveWrk ? 'from wrk for 5 s' : 'from a Node client sharing the CPU (apt install wrk for a fairer load)'})`,
);
console.log(`UI ${sizes.ui.gzip} B gzip in all, the first page landed on at most ${result.landingGzip} B gzip, daemon ${result.daemonBytes} B at start, ${result.daemonAllBytes} B with every feature`);
console.log(`one sampling tick with 35 clients: ${tickMicros} µs of daemon work (simulated ports)`);
console.log(
  capToShaped === null
    ? 'cap crossed to shaping applied: needs root (real tc in a network namespace)'
    : `cap crossed to shaping applied: ${Math.round(capToShaped)} ms with the real tc after the tick that sees it (the tick comes within poll_ms, 1000 ms)\n`,
);
if (throttled) {
  const row = (name: string, r: typeof throttled.idle) =>
    `  ${name.padEnd(14)}${String(r.pingMs ?? '-').padStart(8)}${String(r.udpMs ?? '-').padStart(8)}${`${r.lostOf20}/20`.padStart(8)}${String(r.bulkKbit ?? '-').padStart(12)}`;
  console.log(`round trips from the LAN through the ${throttled.kbit} kbit/s throttle, queue under the token bucket: ${throttled.queue} (median ms; 10 pings and 10 64-byte UDP echoes, 0.5 s apart):`);
  console.log(`  ${'load'.padEnd(14)}${'ping'.padStart(8)}${'udp'.padStart(8)}${'lost'.padStart(8)}${'bulk kbit/s'.padStart(12)}`);
  console.log(row('idle', throttled.idle));
  console.log(row('bulk upload', throttled.upload));
  console.log(row('bulk download', throttled.download));
} else {
  console.log('round trips through the throttle: need root (namespaces and the real tc)');
}
if (result.arm64) {
  const a = result.arm64;
  console.log(`arm64 under qemu-user (Node ${a.node}, ${ARM64_STARTS} starts, median):`);
  console.log(`${'  startupMs'.padEnd(16)}${String(a.startupMs.daemon).padStart(10)}${String(a.startupMs.bare).padStart(10)}${String(a.startupMs.ratio).padStart(8)}`);
  console.log(`${'  idleRssKiB'.padEnd(16)}${String(a.idleRssKiB.daemon).padStart(10)}${String(a.idleRssKiB.bare).padStart(10)}${String(a.idleRssKiB.ratio).padStart(8)}`);
} else {
  console.log(`arm64 under qemu-user: skipped (needs ${ARM64_ROOT}, made by the arm64 test, and qemu-aarch64-static)`);
}
console.log(JSON.stringify(result));
