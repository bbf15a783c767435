// The built daemon starts lean: until someone uses the admin app it does not
// load @hono/node-server, which brings Node's fetch implementation (undici),
// http2 and tls (about 13 MiB of RSS). /healthz answers without them, with the
// same host check as the app; the first other request loads them.
import { readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startDaemonProcess } from '../../build/daemon-process.ts';

const lean = suite('the daemon before anyone signs in');
const PROBE = join(import.meta.dirname, '../fixtures/probes/loaded-modules.mjs');

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
    })
      .on('error', reject)
      .end();
  });
}

async function loaded(pid: number, file: string): Promise<string[]> {
  // The previous answer must not be read as this one.
  rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100; i++) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as string[];
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error('the probe wrote nothing');
}

lean('answers /healthz without loading undici, http2 or tls, and loads them with the first app request', async () => {
  const out = join(tmpdir(), `lean-probe-${process.pid}.json`);
  const d = await startDaemonProcess({ command: [process.execPath, '--import', PROBE], env: { ...process.env, PROBE_OUT: out } });
  try {
    const health = await get(`${d.url}/healthz`);
    assert.equal([health.status, health.body], [200, 'ok']);
    assert.match(health.type, /^text\/plain/);
    const before = await loaded(d.pid, out);
    for (const module of ['NativeModule internal/deps/undici/undici', 'NativeModule http2', 'NativeModule tls']) {
      assert.not.ok(before.includes(module), `${module} is loaded at start`);
    }
    // A host the device does not answer to gets the app's 421 even for /healthz.
    assert.is((await get(`${d.url}/healthz`, { host: 'evil.example' })).status, 421);
    const status = await get(`${d.url}/api/status`);
    // Before first-boot setup the app answers every API call with 409 and says why.
    assert.is(status.status, 409, status.body);
    assert.match(status.body, /setup/i);
    assert.ok((await loaded(d.pid, out)).includes('NativeModule http2'), 'the app loaded with the request');
  } finally {
    await d.dispose();
  }
});

lean.run();
