// Thousands of idle connections from the LAN against the built daemon: the
// connection caps and timeouts keep file descriptors for new clients and for
// the state's flash writes.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { signInCustomer, startDaemonProcess } from '../../build/daemon-process.ts';
import { send } from '../helpers/loopback-client.ts';

const test = suite('idle connection flood (built daemon)');

// This process opens the 5,300 sockets: raise its descriptor limit first (as root) when it is lower.
const limit = Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
if (limit < 8192 && process.getuid?.() === 0) execFileSync('prlimit', ['--pid', String(process.pid), '--nofile=16384:16384']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens a TCP connection from `from` and sends nothing. */
function idle(port: number, from: string): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress: from });
    socket.on('error', () => resolve(null));
    socket.on('connect', () => resolve(socket));
  });
}

test('5,000 idle connections: a new client gets /healthz fast, flash writes work, and the daemon holds few descriptors', async () => {
  const daemon = await startDaemonProcess();
  const sockets: Socket[] = [];
  try {
    await signInCustomer(daemon);
    const signIn = await send(daemon.url, '/api/session', { method: 'POST', body: { password: daemon.installerPassword } });
    const headers = { cookie: String(signIn.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': JSON.parse(signIn.body).csrfToken as string };
    const plan = JSON.parse((await send(daemon.url, '/api/plan', { headers })).body);
    // 100 addresses x 50 connections, opened 500 at a time (this process has the descriptors: ulimit -n).
    for (let batch = 0; batch < 10; batch++) {
      const opened = await Promise.all(Array.from({ length: 500 }, (_, i) => idle(daemon.port, `127.0.6.${((batch * 500 + i) % 100) + 1}`)));
      for (const s of opened) if (s) sockets.push(s);
    }
    // One client that tries to hold them all from a single address.
    const greedy = await Promise.all(Array.from({ length: 300 }, () => idle(daemon.port, '127.0.7.1')));
    for (const s of greedy) if (s) sockets.push(s);
    await sleep(300);
    const fds = readdirSync(`/proc/${daemon.pid}/fd`).length;
    assert.ok(fds < 700, `the daemon holds ${fds} descriptors`);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const res = await send(daemon.url, '/healthz', { from: '127.0.8.1', timeoutMs: 10_000 });
      assert.is(res.status, 200);
      times.push(performance.now() - t0);
    }
    assert.ok(times.sort((a, b) => a - b)[1]! < 1000, `/healthz took ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    // A top-up goes to flash at once: it must be written (no EMFILE).
    const topup = await send(daemon.url, '/api/topups', { method: 'POST', headers, body: { bytes: plan.topupSizes[0] } });
    assert.is(topup.status, 201, topup.body);
    await sleep(200);
    assert.not.match(daemon.output(), /cannot write|EMFILE/);
    // Connections that never send their headers are closed after the header timeout.
    const stillOpen = () => sockets.filter((s) => !s.destroyed && s.readyState === 'open').length;
    const until = Date.now() + 40_000;
    while (stillOpen() > 0 && Date.now() < until) await sleep(250);
    // (One in several thousand has been seen to outlive the wait on a loaded machine.)
    assert.ok(stillOpen() <= sockets.length / 100, `${stillOpen()} of ${sockets.length} idle connections still open`);
  } finally {
    for (const s of sockets) s.destroy();
    await daemon.dispose();
  }
});

test.run();
