// Starts dist/daemon.mjs as a child process and waits until it serves. Shared by
// the benchmark and the tests that need the real process (browser, restarts).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repo = join(import.meta.dirname, '..');
export const defaultConfig = join(repo, 'openwrt/files/etc/config/modem-admin');

export type DaemonProcess = {
  url: string;
  port: number;
  pid: number;
  stateDir: string;
  /** The label secret printed at start, when setup is still required. */
  secret: string | null;
  /** The simulated device's installer password, when printed. */
  installerPassword: string | null;
  output: () => string;
  /** SIGTERM (or the given signal) and wait for the exit. Keeps the state dir. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** stop() and remove the state dir, if this helper made it. */
  dispose(): Promise<void>;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function startDaemonProcess(
  options: {
    stateDir?: string;
    config?: string;
    args?: string[];
    platform?: string;
    timeoutMs?: number;
    command?: string[];
    /** HOST:PORT to listen on (IPv4 or a name); default 127.0.0.1 and a free port. */
    listen?: string;
    /** Whether the daemon answers yet; default: GET /healthz from this process (for a daemon in another network namespace). */
    ready?: (url: string) => Promise<boolean>;
    /** How often to ask whether it answers (default 20 ms; the benchmark asks every 5 ms, as for bare Node). */
    pollMs?: number;
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<DaemonProcess> {
  const port = options.listen ? Number(options.listen.slice(options.listen.lastIndexOf(':') + 1)) : await freePort();
  const listenAt = options.listen ?? `127.0.0.1:${port}`;
  const ownDir = !options.stateDir;
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'modem-admin-'));
  const args = [
    join(repo, 'dist/daemon.mjs'),
    '--platform', options.platform ?? 'sim',
    '--config', options.config ?? defaultConfig,
    '--state-dir', stateDir,
    '--listen', listenAt,
    ...(options.args ?? []),
  ];
  const [command, ...prefix] = options.command ?? [process.execPath];
  const child: ChildProcess = spawn(command!, [...prefix, ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], env: options.env });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://${listenAt}`;

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    return child.exitCode;
  };
  const handle = (): DaemonProcess => ({
    url,
    port,
    pid: child.pid!,
    stateDir,
    secret: /label secret:\s*(\S+)/.exec(output)?.[1] ?? null,
    installerPassword: /installer password of this simulated device:\s*(\S+)/.exec(output)?.[1] ?? null,
    output: () => output,
    stop,
    async dispose() {
      await stop();
      if (ownDir) rmSync(stateDir, { recursive: true, force: true });
    },
  });

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (Date.now() < deadline && child.exitCode === null) {
    // The daemon prints its URL and first sign-in facts in one write once it listens.
    const printed = /serving http/.test(output);
    const ok = printed && (options.ready ? await options.ready(url).catch(() => false) : await fetch(`${url}/healthz`).then((r) => r.ok, () => false));
    if (ok) return handle();
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 20));
  }
  await stop('SIGKILL');
  throw new Error(`the daemon did not answer /healthz:\n${output}`);
}

/** First-boot setup (if needed) and a customer sign-in; returns the cookie and CSRF token. */
export async function signInCustomer(daemon: DaemonProcess, password = 'customer-password-1') {
  const headers = { 'content-type': 'application/json', origin: daemon.url };
  let res: Response;
  if (daemon.secret) {
    res = await fetch(`${daemon.url}/api/setup`, { method: 'POST', headers, body: JSON.stringify({ secret: daemon.secret, password }) });
    if (res.status === 409) res = await fetch(`${daemon.url}/api/session`, { method: 'POST', headers, body: JSON.stringify({ password }) });
  } else {
    res = await fetch(`${daemon.url}/api/session`, { method: 'POST', headers, body: JSON.stringify({ password }) });
  }
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrfToken };
}
