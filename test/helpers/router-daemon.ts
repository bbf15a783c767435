// The real daemon (dist/daemon.mjs --platform linux) inside the router
// namespace of a routerTopology, talked to over HTTP from the LAN client's
// namespace through a relay (ns-relay.mjs), as a customer's phone would.
// Nothing here reaches an address outside the test's namespaces.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repo, startDaemonProcess, type DaemonProcess } from '../../build/daemon-process.ts';
import { SHAPER_HANDLE, ifbNameFor } from '../../device-daemon/src/ports/shaper/tc.ts';
import type { Netns } from './netns.ts';
import { LAN, WAN, type Topology } from './router-topology.ts';

const RELAY = fileURLToPath(new URL('./ns-relay.mjs', import.meta.url));
export const PORT = 8080;

export type PlanOptions = {
  pollMs: number;
  cap: string;
  policy: 'throttle' | 'block' | 'alert';
  flushMinutes?: number;
  maxLinkMbit?: number;
  installerHash?: string;
  topupSizes?: string[];
};

/** The UCI config the daemon reads: our devices, the tick, the plan. */
export function daemonConfig(o: PlanOptions): string {
  return [
    "config daemon 'main'",
    `\toption wan_device '${WAN}'`,
    `\toption lan_device '${LAN}'`,
    `\toption poll_ms '${o.pollMs}'`,
    ...(o.flushMinutes ? [`\toption flush_minutes '${o.flushMinutes}'`] : []),
    ...(o.maxLinkMbit ? [`\toption max_link_mbit '${o.maxLinkMbit}'`] : []),
    ...(o.installerHash ? [`\toption installer_password_hash '${o.installerHash}'`] : []),
    "config plan 'plan'",
    "\toption timezone 'UTC'",
    `\toption cap '${o.cap}'`,
    `\toption policy '${o.policy}'`,
    ...(o.topupSizes ?? []).map((s) => `\tlist topup_size '${s}'`),
    '',
  ].join('\n');
}

/** `node dist/daemon.mjs hash-password` with `password` on stdin. */
export function hashPassword(password: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repo, 'dist/daemon.mjs'), 'hash-password'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`hash-password exited ${code}`))));
    child.stdin.end(`${password}\n`);
  });
}

export type HttpReply = { status: number; headers: Record<string, string | string[] | undefined>; text: string; json: () => any };

export type RouterDaemon = {
  /** The running process (replaced by start()). */
  readonly proc: DaemonProcess;
  readonly url: string;
  readonly stateDir: string;
  readonly ramDir: string;
  /** Starts the daemon (again) with the same config, state dir and RAM dir; resolves when /healthz answers. */
  start(): Promise<DaemonProcess>;
  /** HTTP from the LAN client to the daemon. */
  request(method: string, path: string, options?: { body?: unknown; session?: Session }): Promise<HttpReply>;
  healthz(): Promise<boolean>;
  /** First-boot setup with the label secret, then a customer session. */
  setup(password: string): Promise<Session>;
  signIn(password: string): Promise<Session>;
  /** Stops the daemon and the relay and removes the temp dirs. */
  close(): Promise<void>;
};

export type Session = { cookie: string; csrfToken: string };

export async function startRouterDaemon(net: Netns, t: Topology, config: string, options: { timeoutMs?: number } = {}): Promise<RouterDaemon> {
  const dir = mkdtempSync(join(tmpdir(), 'modem-admin-kt-'));
  const stateDir = join(dir, 'state');
  const ramDir = join(dir, 'ram');
  const configFile = join(dir, 'modem-admin.conf');
  writeFileSync(configFile, config);
  const host = t.lan.b.ipv4;
  const url = `http://${host}:${PORT}`;
  const socketPath = join(dir, 'relay.sock');

  const relay: ChildProcess = spawn('ip', ['netns', 'exec', t.client, process.execPath, RELAY, socketPath, host, String(PORT)], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, PATH: `${process.env.PATH ?? '/usr/bin:/bin'}:/usr/sbin:/sbin` },
  });
  await new Promise<void>((resolve, reject) => {
    relay.stdout!.on('data', (c: Buffer) => (String(c).includes('ready') ? resolve() : undefined));
    relay.once('exit', (code) => reject(new Error(`relay exited ${code}`)));
  });

  // A guard against a hung daemon, not a speed check (npm run bench measures speed): a sign-in
  // right after a restart loads the app and hashes, which takes seconds on a loaded 2-core CI.
  const ANSWER_MS = 20_000;
  function request(method: string, path: string, o: { body?: unknown; session?: Session } = {}): Promise<HttpReply> {
    const headers: Record<string, string> = { host: `${host}:${PORT}` };
    const body = o.body === undefined ? undefined : JSON.stringify(o.body);
    if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', origin: url });
    if (o.session) {
      headers.cookie = o.session.cookie;
      if (method !== 'GET') headers['x-csrf-token'] = o.session.csrfToken;
    }
    return new Promise((resolve, reject) => {
      const req = httpRequest({ socketPath, method, path, headers, agent: false, timeout: ANSWER_MS }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer in ${ANSWER_MS / 1000} s`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  const healthz = () => request('GET', '/healthz').then((r) => r.status === 200, () => false);

  let proc: DaemonProcess | null = null;
  async function start(): Promise<DaemonProcess> {
    proc = await startDaemonProcess({
      platform: 'linux',
      config: configFile,
      stateDir,
      listen: `${host}:${PORT}`,
      args: ['--ram-dir', ramDir],
      command: ['ip', 'netns', 'exec', t.router, process.execPath],
      ready: healthz,
      timeoutMs: options.timeoutMs ?? 20_000,
    });
    return proc;
  }

  function sessionOf(reply: HttpReply): Session {
    if (reply.status !== 200) throw new Error(`sign-in failed: ${reply.status} ${reply.text}`);
    const cookie = String([reply.headers['set-cookie']].flat()[0]).split(';')[0]!;
    return { cookie, csrfToken: reply.json().csrfToken as string };
  }

  const daemon: RouterDaemon = {
    get proc() {
      if (!proc) throw new Error('the daemon is not started');
      return proc;
    },
    url,
    stateDir,
    ramDir,
    start,
    request,
    healthz,
    async setup(password) {
      // main.ts prints the secret just after it starts listening: wait for the line.
      let secret: string | undefined;
      for (let i = 0; i < 100 && !secret; i++) {
        secret = /label secret:\s*(\S+)/.exec(daemon.proc.output())?.[1];
        if (!secret) await new Promise((r) => setTimeout(r, 20));
      }
      if (!secret) throw new Error(`no label secret printed:\n${daemon.proc.output()}`);
      return sessionOf(await request('POST', '/api/setup', { body: { secret, password } }));
    },
    async signIn(password) {
      return sessionOf(await request('POST', '/api/session', { body: { password } }));
    },
    async close() {
      await proc?.stop().catch(() => {});
      relay.stdin!.end();
      if (relay.exitCode === null && relay.signalCode === null) {
        const gone = new Promise((r) => relay.once('exit', r));
        const timer = setTimeout(() => relay.kill('SIGKILL'), 2000);
        await gone;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await start();
  return daemon;
}

export type WanCounters = { ifindex: number; rx: number; tx: number };

/** The WAN counters as the daemon reads them: sysfs inside the router namespace. */
export async function wanCounters(net: Netns, router: string): Promise<WanCounters> {
  const base = `/sys/class/net/${WAN}`;
  const { stdout } = await net.exec(router, ['cat', `${base}/ifindex`, `${base}/statistics/rx_bytes`, `${base}/statistics/tx_bytes`]);
  const [ifindex, rx, tx] = stdout.trim().split('\n').map(Number) as [number, number, number];
  return { ifindex, rx, tx };
}

type QdiscJson = { kind: string; handle: string; dev: string; root?: boolean; options?: { rate?: number } };

/**
 * Our shaping as the kernel shows it: the tbf root qdiscs (handle 4d41:) on the
 * WAN (upload) and its IFB (download), and the WAN's ingress qdisc; rates in kbit/s.
 */
export async function shaping(net: Netns, router: string): Promise<{ up: number | null; down: number | null; ingress: boolean; redirect: boolean }> {
  const { stdout } = await net.runner.run(['tc', '-n', router, '-j', 'qdisc', 'show']);
  const qdiscs = JSON.parse(stdout || '[]') as QdiscJson[];
  const ours = (dev: string) => qdiscs.find((q) => q.dev === dev && q.root && q.kind === 'tbf' && q.handle === SHAPER_HANDLE);
  const kbit = (q: QdiscJson | undefined) => (q?.options?.rate === undefined ? null : (q.options.rate * 8) / 1000);
  const ingress = qdiscs.some((q) => q.dev === WAN && q.kind === 'ingress');
  let redirect = false;
  if (ingress) {
    const filters = await net.runner.run(['tc', '-n', router, 'filter', 'show', 'dev', WAN, 'parent', 'ffff:'], { okCodes: [0, 1, 2] });
    redirect = filters.stdout.includes('mirred') && filters.stdout.includes(ifbNameFor(WAN));
  }
  return { up: kbit(ours(WAN)), down: kbit(ours(ifbNameFor(WAN))), ingress, redirect };
}

/** Whether the nft forward block table is in the router namespace. */
export async function blockTable(net: Netns, router: string): Promise<boolean> {
  const inNs = await net.exec(router, ['nft', '-j', 'list', 'tables']);
  return /"name":\s*"modem_admin_block"/.test(inNs.stdout);
}

/** Whether both directions are shaped to `kbit` and download is redirected through the IFB. */
export function throttledTo(s: Awaited<ReturnType<typeof shaping>>, kbit: number): boolean {
  return s.up === kbit && s.down === kbit && s.ingress && s.redirect;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
