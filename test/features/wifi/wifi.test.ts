// Wi-Fi and LAN clients through app.request() on the simulated device: the key
// only on request (audited), every access point in one change, the reload after
// the response with the rollback, byte-exact values down to the rendered
// /etc/config/wireless, the injection corpus, the QR code, the device list with
// a hostile host name, and the block.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BLOCKED_CLIENTS } from '../../../device-daemon/src/features/devices/blocked-clients.ts';
import { DEVICE_NAMES } from '../../../device-daemon/src/features/devices/device-names.ts';
import type { ClientJson, WifiJson } from '../../../device-daemon/src/api/index.ts';
import { parseUciText, renderUciText } from '../../../device-daemon/src/core/uci-text.ts';
import { wifiUri } from '../../../device-daemon/src/core/qr.ts';
import { CUSTOMER_PASSWORD, testApp } from '../../helpers/app.ts';
import { HOSTILE, injections } from '../../helpers/hostile.ts';
import { missing } from '../../helpers/requires.ts';

const wifi = suite('Wi-Fi and clients routes');

const capture = (name: string) => readFileSync(new URL(`../../fixtures/wifi/${name}`, import.meta.url), 'utf8');
type Net = WifiJson['networks'][number];
const byId = (w: WifiJson, id: string) => w.networks.find((n) => n.id === id)!;

async function signedIn(wireless?: string) {
  const t = await testApp({ wireless });
  const s = await t.signIn(CUSTOMER_PASSWORD);
  const get = async (path: string) => t.request(path, { cookie: s.cookie });
  const send = (method: string, path: string, body?: unknown) => t.request(path, { method, body, cookie: s.cookie, csrf: s.csrf });
  const put = (body: Record<string, unknown>) => send('PUT', '/api/wifi', { networks: 'all', ...body });
  const read = async (reveal = false) => (await (await get(`/api/wifi${reveal ? '?reveal=1' : ''}`)).json()) as WifiJson;
  const rendered = () => readFileSync(join(t.uciDir, 'wireless'), 'utf8');
  /** Waits until the last change is reloaded (or restored). */
  const settle = async () => {
    for (let i = 0; i < 200; i++) {
      if (((await (await get('/api/wifi')).json()) as WifiJson).state !== 'applying') return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('the Wi-Fi change never settled');
  };
  return { ...t, s, get, send, put, read, rendered, settle };
}

wifi('GET /api/wifi gives each network with its band, name, security and limit, never the key unless asked; asking is audited', async () => {
  const t = await signedIn();
  const plain = await t.read();
  const net = (id: string, bands: string[]): Net => ({ id, bands: bands as Net['bands'], ssid: 'Modem-2G', security: 'psk2', mlo: false, wpa3Only: false, maxClients: null, editable: true });
  assert.equal(plain, { networks: [net('default_radio0', ['2.4 GHz']), net('default_radio1', ['5 GHz'])], same: true, state: 'applied' });
  assert.not.ok(t.audit.entries().some((e) => /revealed/.test(e.event)));
  const revealed = await t.read(true);
  assert.equal(revealed.networks.map((n) => n.key), ['change-me-2g', 'change-me-2g']);
  assert.ok(t.audit.entries().some((e) => e.role === 'customer' && e.event === 'revealed the Wi-Fi password'));
  assert.is((await t.request('/api/wifi?reveal=1')).status, 401, 'not without a session');
});

wifi('PUT with networks "all" changes every access point in one batch; wifi reload runs only after the response', async () => {
  const t = await signedIn();
  const reloads = t.device.wifiReloads;
  const res = await t.put({ ssid: 'Nowa sieć', key: 'a new password', security: 'sae-mixed', maxClients: 12 });
  assert.is(res.status, 202);
  assert.is(((await res.json()) as WifiJson).state, 'applying');
  assert.is(t.device.wifiReloads, reloads, 'no reload before the response is out');
  await t.settle();
  assert.is(t.device.wifiReloads, reloads + 1);
  const pkg = parseUciText('wireless', t.rendered());
  for (const ap of pkg.sections.filter((s) => s.type === 'wifi-iface')) {
    assert.equal([ap.options.ssid, ap.options.key, ap.options.encryption, ap.options.maxassoc], ['Nowa sieć', 'a new password', 'sae-mixed', '12']);
  }
  assert.is(((await (await t.get('/api/wifi')).json()) as WifiJson).state, 'applied');
  const event = t.audit.entries().at(-1)!.event;
  assert.is(event, 'changed Wi-Fi (2.4 GHz, 5 GHz) to {"ssid":"Nowa sieć","security":"sae-mixed","maxClients":12} and the password');
  assert.not.match(JSON.stringify(t.audit.entries()), /a new password/, 'the key never reaches the audit log');
  await t.put({ ssid: 'Nowa sieć', key: 'a new password', security: 'sae-mixed', maxClients: null });
  assert.not.match(t.rendered(), /maxassoc/, 'null removes the limit');
});

wifi('a failed wifi reload puts the previous values back and reloads them', async () => {
  const t = await signedIn();
  const before = renderUciText(await t.uci.show('wireless'));
  t.device.failWifiReload = true;
  const reloads = t.device.wifiReloads;
  assert.is((await t.put({ ssid: 'Broken', key: 'whatever1', security: 'sae' })).status, 202);
  await t.settle();
  assert.is(t.device.wifiReloads, reloads + 2, 'the failed reload, then the reload of the old values');
  assert.is(t.rendered(), before);
  const now = await t.read(true);
  assert.equal([now.networks[0]!.ssid, now.networks[1]!.key, now.networks[1]!.security, now.state], ['Modem-2G', 'change-me-2g', 'psk2', 'restored']);
  assert.ok(t.audit.entries().some((e) => /reload failed/.test(e.event)));
});

wifi('hostile names and keys go byte for byte from the API to the rendered config: one ssid and one key line per interface', async () => {
  const t = await signedIn();
  // A key is ASCII only: the UTF-8 value is tried as a name alone.
  const keys = HOSTILE.map((h) => (/^[\x20-\x7e]*$/.test(h) ? h.padEnd(8, '_') : 'utf-8 is for names'));
  for (const [i, ssid] of HOSTILE.filter((h) => h !== '').entries()) {
    const key = keys[i]!;
    assert.is((await t.put({ ssid, key, security: 'psk2' })).status, 202, ssid);
    const text = t.rendered();
    const ifaces = text.match(/^config wifi-iface /gm)!.length;
    assert.is(text.match(/^\toption ssid /gm)!.length, ifaces);
    assert.is(text.match(/^\toption key /gm)!.length, ifaces);
    for (const ap of parseUciText('wireless', text).sections.filter((s) => s.type === 'wifi-iface')) {
      assert.ok(Buffer.from(String(ap.options.ssid)).equals(Buffer.from(ssid)), `ssid ${JSON.stringify(ssid)}`);
      assert.ok(Buffer.from(String(ap.options.key)).equals(Buffer.from(key)), `key ${JSON.stringify(key)}`);
    }
    const back = await t.read(true);
    assert.equal([back.networks[1]!.ssid, back.networks[1]!.key], [ssid, key]);
  }
});

wifi('the injection corpus through every field is refused or stored literally; the marker never appears', async () => {
  const t = await signedIn();
  const marker = join(tmpdir(), `wifi-marker-${process.pid}`);
  for (const attack of injections(marker)) {
    const tries = [
      { ssid: attack, key: 'password1', security: 'psk2' },
      { ssid: 'Home', key: attack.padEnd(8, 'x'), security: 'psk2' },
      { ssid: 'Home', key: 'password1', security: attack },
      { ssid: 'Home', key: 'password1', security: 'psk2', maxClients: attack },
      { ssid: 'Home', key: 'password1', security: 'psk2', networks: [attack] },
      { ssid: 'Home', key: 'password1', security: 'psk2', networks: attack },
    ];
    for (const body of tries) {
      const res = await t.put(body);
      if (res.status === 202) {
        const back = await t.read(true);
        assert.equal([back.networks[0]!.ssid, back.networks[0]!.key], [body.ssid, body.key], JSON.stringify(body));
      } else assert.is(res.status, 400, JSON.stringify(body));
    }
    const path = `/api/clients/${encodeURIComponent(attack)}/block`;
    for (const method of ['POST', 'DELETE']) assert.ok([400, 404].includes((await t.send(method, path, {})).status), `block ${JSON.stringify(attack)}`);
  }
  await t.settle();
  assert.not.ok(existsSync(marker), 'the marker file was created');
});

wifi('the QR code is SVG of the WIFI: string, never cached, and audited', async () => {
  const t = await signedIn();
  await t.put({ ssid: 'Dom; "A:B"', key: 'p,a\\ss;word', security: 'sae' });
  const res = await t.get('/api/wifi/qr.svg');
  assert.is(res.status, 200);
  assert.is(res.headers.get('content-type'), 'image/svg+xml');
  assert.is(res.headers.get('cache-control'), 'no-store');
  const svg = await res.text();
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(t.audit.entries().some((e) => e.event === 'showed the Wi-Fi join QR code'));
  if (missing({ commands: ['zbarimg', 'rsvg-convert'] })) return;
  const dir = mkdtempSync(join(tmpdir(), 'qr-route-'));
  try {
    writeFileSync(join(dir, 'q.svg'), svg);
    execFileSync('rsvg-convert', ['-w', '500', '-b', 'white', '-o', join(dir, 'q.png'), join(dir, 'q.svg')]);
    const text = execFileSync('zbarimg', ['-q', '--raw', '-Sbinary', join(dir, 'q.png')], { stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8').trim();
    assert.is(text, wifiUri('Dom; "A:B"', 'p,a\\ss;word'));
    assert.is(text, 'WIFI:T:WPA;S:Dom\\; \\"A\\:B\\";P:p\\,a\\\\ss\\;word;;');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

wifi('different names per band are kept: saving one band never touches the other', async () => {
  const t = await signedIn(capture('etc-config-wireless-hwmode-sae-openwrt-devel-2019.txt'));
  const before = await t.read(true);
  assert.equal(before.networks.map((n) => [n.id, n.bands, n.ssid, n.security]), [['default_radio0', ['5 GHz'], 'WIFI1', 'sae'], ['default_radio1', ['2.4 GHz'], 'WIFI2', 'sae-mixed']]);
  assert.is(before.same, false);
  const section = async (name: string) => (await t.uci.show('wireless')).sections.find((x) => x.name === name);
  const untouched = await section('default_radio0');
  assert.is((await t.put({ networks: ['default_radio1'], ssid: 'Garden', key: 'garden-pass', security: 'sae-mixed' })).status, 202);
  await t.settle();
  const after = await t.read(true);
  assert.equal([byId(after, 'default_radio1').ssid, byId(after, 'default_radio1').key], ['Garden', 'garden-pass']);
  assert.equal([byId(after, 'default_radio0').ssid, byId(after, 'default_radio0').key, byId(after, 'default_radio0').security], ['WIFI1', '1111111111111111', 'sae']);
  assert.equal(await section('default_radio0'), untouched, 'the 5 GHz section is as it was');
  assert.match(t.rendered(), /list r0kh '11:11:11:11:11:11,111111111111,0+'/, 'options we do not manage are kept');
  assert.is(t.audit.entries().findLast((e) => e.event.startsWith('changed'))!.event, 'changed Wi-Fi (2.4 GHz) to {"ssid":"Garden","security":"sae-mixed"} and the password');
  const missing = await t.send('PUT', '/api/wifi', { ssid: 'x', key: 'password1', security: 'sae' });
  assert.is(missing.status, 400, 'which networks is never assumed');
  assert.match(((await missing.json()) as { error: string }).error, /networks/);
});

wifi('an open network reads as open; the QR code then carries no password', async () => {
  const t = await signedIn(capture('etc-config-wireless-openwrt-issue16642.txt'));
  const w = await t.read();
  assert.equal(w.networks.map((n) => [n.bands, n.security]), [[['2.4 GHz'], 'none'], [['5 GHz'], 'none']]);
  const qr = await t.get(`/api/wifi/qr.svg?id=default_radio1`);
  assert.is(qr.status, 200);
  assert.is((await t.get('/api/wifi/qr.svg?id=nope')).status, 404);
  const wpa2 = await t.put({ networks: ['default_radio0'], ssid: 'OpenWrt', security: 'psk2' });
  assert.is(wpa2.status, 400);
  assert.match(((await wpa2.json()) as { error: string }).error, /^key: a password is needed/);
});

wifi('6 GHz and Wi-Fi 7 multi-link: WPA2 is refused with the reason, WPA2/WPA3 applies SAE there', async () => {
  const t = await signedIn(capture('etc-config-wireless-mlo-z8803be.txt'));
  const w = await t.read();
  assert.equal(byId(w, 'mlo_ap').bands, ['5 GHz', '6 GHz']);
  assert.equal([byId(w, 'mlo_ap').mlo, byId(w, 'mlo_ap').wpa3Only, byId(w, 'default_radio0').wpa3Only], [true, true, false]);
  const before = renderUciText(await t.uci.show('wireless'));
  const refused = await t.put({ ssid: 'Home', key: 'password1', security: 'psk2' });
  assert.is(refused.status, 400);
  assert.match(((await refused.json()) as { error: string }).error, /^security: .*only WPA3/);
  assert.is(renderUciText(await t.uci.show('wireless')), before, 'nothing written');
  assert.is((await t.put({ ssid: 'Home', key: 'password1', security: 'sae-mixed' })).status, 202);
  await t.settle();
  const after = await t.read();
  assert.equal([byId(after, 'default_radio0').security, byId(after, 'mlo_ap').security], ['sae-mixed', 'sae']);
  assert.match(t.audit.entries().at(-1)!.event, /\(mlo_ap uses sae\)$/);
});

wifi('GET /api/clients: names as plain strings (a hostile one too), band and signal or wired, since, usage', async () => {
  const t = await signedIn();
  t.advance(10_000);
  await t.runtime.tick();
  const res = await t.get('/api/clients');
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const { clients } = (await res.json()) as { clients: ClientJson[] };
  assert.is(clients.length, 4);
  const hostile = clients.find((c) => c.mac === '3c:22:fb:10:00:04')!;
  assert.is(hostile.name, `<img src=x onerror=alert(1)>"';$(reboot)`);
  const tv = clients.find((c) => c.name === 'living-room-tv')!;
  assert.equal([tv.wired, tv.band, tv.signal], [true, null, null]);
  const phone = clients.find((c) => c.name === 'anna-phone')!;
  assert.equal([phone.wired, phone.band, phone.signal, phone.ip], [false, '5 GHz', -52, '192.168.1.101']);
  assert.is(phone.since, new Date(t.clock.now() - 600_000).toISOString());
  assert.ok(clients.every((c) => c.down > 0 && c.up > 0), 'usage this cycle from the ledger');
});

wifi('block and unblock a device by MAC: its traffic stops, the list says so, and both are audited and stored', async () => {
  const t = await signedIn();
  const mac = '3c:22:fb:10:00:03';
  const res = await t.send('POST', `/api/clients/${mac.toUpperCase()}/block`, {});
  assert.is(res.status, 200);
  assert.equal(await res.json(), { mac, blocked: true });
  assert.ok(t.device.blockedMacs.has(mac));
  assert.equal(await t.store.read(BLOCKED_CLIENTS), [mac]);
  t.advance(5000);
  await t.runtime.tick();
  const laptopBefore = t.device.perClient.get(mac)?.down ?? 0;
  t.advance(5000);
  await t.runtime.tick();
  assert.is(t.device.perClient.get(mac)?.down ?? 0, laptopBefore, 'no traffic while blocked');
  const { clients } = (await (await t.get('/api/clients')).json()) as { clients: ClientJson[] };
  assert.ok(clients.find((c) => c.mac === mac)!.blocked);
  assert.is((await t.send('DELETE', `/api/clients/${mac}/block`, {})).status, 200);
  assert.not.ok(t.device.blockedMacs.has(mac));
  assert.equal(await t.store.read(BLOCKED_CLIENTS), []);
  assert.ok(t.audit.entries().some((e) => e.event === `blocked device ${mac}`));
  assert.ok(t.audit.entries().some((e) => e.event === `unblocked device ${mac}`));
  assert.is((await t.send('POST', '/api/clients/3c-22-fb-10-00-03/block', {})).status, 400);
});

wifi('a device keeps the name the household gives it across a restart; the requester is "this device"; one gone is offline', async () => {
  let address = 'local';
  const t = await testApp({ clientAddress: () => address });
  const s = await t.signIn(CUSTOMER_PASSWORD);
  const clients = async () => ((await (await t.request('/api/clients', { cookie: s.cookie })).json()) as { clients: ClientJson[] }).clients;
  const phone = (await clients()).find((c) => c.name === 'anna-phone')!;
  assert.ok(phone.online && !phone.self && !phone.named);
  address = phone.ip!;
  assert.ok((await clients()).find((c) => c.mac === phone.mac)!.self, 'the device asking is "this device"');
  const rename = (name: string) => t.request(`/api/clients/${phone.mac}/name`, { method: 'PUT', cookie: s.cookie, csrf: s.csrf, body: { name } });
  assert.is((await rename('Anna’s phone')).status, 200);
  const named = (await clients()).find((c) => c.mac === phone.mac)!;
  assert.equal([named.name, named.named], ['Anna’s phone', true]);
  assert.equal(await t.store.read(DEVICE_NAMES), { [phone.mac]: 'Anna’s phone' }, 'in the flash store, which a reboot keeps');
  const bad = await rename('two\nlines');
  assert.is(bad.status, 400);
  assert.is(((await bad.json()) as { issues: { path: string }[] }).issues[0]!.path, 'name');
  assert.is((await rename('')).status, 200);
  assert.is((await clients()).find((c) => c.mac === phone.mac)!.name, 'anna-phone', 'empty: back to the DHCP name');
  // A device that used data this period and left the LAN stays listed, offline.
  for (let i = 0; i < 3; i++) {
    t.advance(1000);
    await t.runtime.tick();
  }
  t.device.clients.splice(t.device.clients.findIndex((c) => c.mac === phone.mac), 1);
  const gone = (await clients()).find((c) => c.mac === phone.mac);
  assert.ok(gone && !gone.online, 'listed as offline');
});

wifi.run();
