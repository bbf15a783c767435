// Starts the built daemon (dist/daemon.mjs) in simulator mode on a free port with a fresh
// state dir, and waits for its label secret and /healthz, per the contract in DESIGN.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repo = join(import.meta.dirname, '../..');

export type Daemon = { url: string; secret: string; output: () => string; stop(): Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function startDaemon(timeoutMs = 15_000): Promise<Daemon> {
  const port = await freePort();
  const stateDir = mkdtempSync(join(tmpdir(), 'modem-admin-browser-'));
  const config = join(repo, 'openwrt/files/etc/config/modem-admin');
  const args = ['dist/daemon.mjs', '--platform', 'sim', '--config', config, '--state-dir', stateDir, '--listen', `127.0.0.1:${port}`];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(stateDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const secret = /label secret:\s*(\S+)/.exec(output)?.[1];
    const healthy = secret && (await fetch(`${url}/healthz`).then((r) => r.ok, () => false));
    if (secret && healthy) return { url, secret, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`the daemon did not become ready (label secret on stdout, /healthz 200):\n${output}`);
}
