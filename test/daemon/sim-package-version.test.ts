// The simulated device's package version on the BUILT daemon: its opkg
// stand-in starts from the build's own version (package.json's version and
// openwrt/Makefile's PKG_RELEASE), and from then on the updates page and the
// system facts report what the stand-in has installed, across restarts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { repo, startDaemonProcess, type DaemonProcess } from '../../build/daemon-process.ts';
import { simOpkg } from '../../device-daemon/src/ports/ota/opkg-sim.ts';
import { simOpkgRoot } from '../../device-daemon/src/ports/ota/sim-roots.ts';
import { makeIpk } from '../helpers/ipk.ts';

const test = suite('the simulated package version');
const version = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version;
const release = /^PKG_RELEASE:=(\S+)$/m.exec(readFileSync(join(repo, 'openwrt/Makefile'), 'utf8'))![1];

let daemon: DaemonProcess | null = null;
test.after(async () => daemon?.dispose());

async function versions(d: DaemonProcess): Promise<{ updates: string; system: string }> {
  const res = await fetch(`${d.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: d.url }, body: JSON.stringify({ password: d.installerPassword }) });
  assert.ok(res.ok, `installer sign-in: ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const get = async (path: string) => (await fetch(`${d.url}${path}`, { headers: { cookie } })).json() as Promise<Record<string, any>>;
  return { updates: (await get('/api/updates')).current.package, system: (await get('/api/system')).packageVersion };
}

test("starts from the build's version, then reports what its opkg has installed, after a restart too", async () => {
  daemon = await startDaemonProcess();
  assert.equal(await versions(daemon), { updates: `${version}-${release}`, system: `${version}-${release}` });
  await daemon.stop();
  // An update installed by the stand-in while the daemon was down (as the updater's own install leaves it).
  const file = join(daemon.stateDir, 'next.ipk');
  writeFileSync(file, makeIpk({ version: '9.8.7-1' }));
  const result = await simOpkg(simOpkgRoot(daemon.stateDir)).install(file);
  assert.match(result.stdout, `Upgrading modem-admin on root from ${version}-${release} to 9.8.7-1`);
  const stateDir = daemon.stateDir;
  const first = daemon;
  daemon = await startDaemonProcess({ stateDir });
  try {
    assert.equal(await versions(daemon), { updates: '9.8.7-1', system: '9.8.7-1' });
  } finally {
    await daemon.stop();
    daemon = first;
  }
});

test.run();
