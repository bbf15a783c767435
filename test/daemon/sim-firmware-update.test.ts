// A firmware update on the BUILT daemon (simulator) from an ISP channel on
// loopback: the installer installs it now, the simulated sysupgrade checks
// the image's board, flashes, and the simulated router reboots into it; the
// daemon then confirms the running version and records the result, and the
// System facts name the new firmware.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { defaultConfig, startDaemonProcess, type DaemonProcess } from '../../build/daemon-process.ts';
import { withMetadata } from '../../device-daemon/src/core/ota/image-metadata.ts';
import { channel, otaConfig, type Channel } from '../helpers/updates.ts';

const test = suite('a firmware update on the built daemon');
const BOARD = 'sim,lte-modem';
const image = (boards: string[], version: string) => withMetadata(new Uint8Array(8192).fill(7), { metadata_version: '1.1', supported_devices: boards, version: { version } });
const at = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

let ch: Channel;
let daemon: DaemonProcess;
let cookie = '';
let csrf = '';

type Json = Record<string, any>;
const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }> => {
  const res = await fetch(`${daemon.url}${path}`, {
    method,
    headers: { cookie, 'x-csrf-token': csrf, origin: daemon.url, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Json };
};

async function until(what: string, ok: (v: Json) => boolean): Promise<Json> {
  const end = Date.now() + 30_000;
  for (;;) {
    const v = (await call('GET', '/api/updates')).json;
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: ${JSON.stringify(v)}\n${daemon.output().slice(-1500)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

test.before(async () => {
  const now = Date.now();
  ch = await channel(now);
  const config = join(mkdtempSync(join(tmpdir(), 'ota-fw-')), 'modem-admin');
  writeFileSync(config, readFileSync(defaultConfig, 'utf8') + otaConfig(ch.server.url, ch.rootLine));
  daemon = await startDaemonProcess({ config });
  const res = await fetch(`${daemon.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: daemon.url }, body: JSON.stringify({ password: daemon.installerPassword }) });
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
});
test.after(async () => {
  await daemon?.dispose();
  await ch?.server.close();
});

test('a matching image is flashed, the simulated router boots it, and the daemon records it installed', async () => {
  const now = Date.now();
  ch.publish([{ id: 'fw-24.10.1', kind: 'firmware', version: '24.10.1', file: 'fw.bin', boards: [BOARD], earliestInstall: at(now) }], { 'fw.bin': image([BOARD], '24.10.1') }, now);
  assert.ok((await call('POST', '/api/updates/check', {})).json.ok);
  assert.is((await call('POST', '/api/updates/install-now', {})).status, 200);
  const v = await until('the firmware installed', (v) => v.history[0]?.version === '24.10.1' && v.installing === null);
  assert.is(v.history[0].result, 'installed');
  assert.is(v.current.firmware, '24.10.1');
  assert.is(v.pending, null);
  assert.is((await call('GET', '/api/system')).json.firmware, 'OpenWrt 24.10.1 (simulated)', 'the System page tells the same');
});

test.run();
