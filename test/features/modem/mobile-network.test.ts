import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { INSTALLER_PASSWORD, testApp } from '../../helpers/app.ts';

type Json = Record<string, any>;
const mobile = suite('mobile network on the simulated modem: IMEI, PIN and PUK, scan, operator, bands, APN presets');

async function setup(config?: string, network?: string) {
  const t = await testApp({ ...(config ? { config } : {}), ...(network ? { network } : {}) });
  t.device.modem.scanMs = 20;
  const s = await t.signIn(INSTALLER_PASSWORD);
  const call = async (path: string, method = 'GET', body?: unknown) => {
    const res = await t.request(path, { method, cookie: s.cookie, csrf: s.csrf, body });
    return { status: res.status, body: (await res.json()) as Json };
  };
  return { t, call };
}

mobile('the settings show the IMEI, the tries left, the bands and the presets for the SIM’s operator', async () => {
  const { call } = await setup();
  const { body } = await call('/api/mobile');
  assert.is(body.imei, '352099001761481');
  assert.equal(body.unlock, { required: null, pinRetries: 3, pukRetries: 10 });
  assert.ok(body.bands.supported.includes('eutran-20'));
  assert.equal(body.presets, [{ code: '26001', name: 'Plus', apn: 'internet', auth: 'none', username: '', password: '' }]);
  assert.equal(body.network, { code: '26001', simCode: '26001', manual: false });
});

mobile('the settings show the data connection ModemManager reports: interface, address and DNS while connected, none when not', async () => {
  const { t, call } = await setup();
  const { body } = await call('/api/mobile');
  assert.is(body.connection.connected, true);
  assert.is(body.connection.interface, 'wwan0');
  assert.equal(body.connection.ipv4.dns, ['192.0.2.53']);
  t.device.modem.state = 'registered';
  assert.is((await call('/api/mobile')).body.connection, null);
});

mobile('the modemmanager README example interface (4-space indent, a tab in an option line) reads as its options say', async () => {
  const network = readFileSync(new URL('../../fixtures/modem/etc-config-network-modemmanager-example-openwrt-packages-readme.txt', import.meta.url), 'utf8');
  const { body } = await (await setup(undefined, network)).call('/api/mobile');
  // allowedauth 'pap chap' lets ModemManager use either; CHAP is the one shown.
  assert.equal(
    { interface: body.interface, apn: body.apn, auth: body.auth, authDefault: body.authDefault, username: body.username, passwordSet: body.passwordSet, pinStored: body.pinStored, mode: body.mode },
    { interface: 'broadband', apn: 'ac.vodafone.es', auth: 'chap', authDefault: false, username: 'vodafone', passwordSet: true, pinStored: true, mode: 'auto' },
  );
});

mobile('wrong PINs count down; the third blocks the SIM, which then asks for its PUK; a PUK and a new PIN unblock it', async () => {
  const { t, call } = await setup();
  t.device.modem.sim.locked = true;
  for (const left of [2, 1]) {
    const r = await call('/api/mobile/pin', 'POST', { pin: '0000' });
    assert.is(r.status, 503);
    assert.is(r.body.error, `wrong PIN (${left} tries left)`);
    assert.equal((await call('/api/mobile')).body.unlock, { required: 'sim-pin', pinRetries: left, pukRetries: 10 });
  }
  assert.match((await call('/api/mobile/pin', 'POST', { pin: '0000' })).body.error, /needs its PUK/);
  assert.equal((await call('/api/mobile')).body.unlock, { required: 'sim-puk', pinRetries: 0, pukRetries: 10 });
  assert.match((await call('/api/mobile/pin', 'POST', { pin: '1234' })).body.error, /PUK/, 'even the right PIN no longer works');
  const wrongPuk = await call('/api/mobile/puk', 'POST', { puk: '00000000', newPin: '4321' });
  assert.is(wrongPuk.body.error, 'wrong PUK (9 tries left)');
  assert.is((await call('/api/mobile/puk', 'POST', { puk: '1234', newPin: '4321' })).status, 400, 'a PUK is 8 digits');
  assert.is((await call('/api/mobile/puk', 'POST', { puk: '12345678', newPin: '4321' })).status, 200);
  assert.equal((await call('/api/mobile')).body.unlock, { required: null, pinRetries: 3, pukRetries: 10 });
  assert.is(t.device.modem.sim.pin, '4321');
  const network = await t.uci.show('network');
  assert.is(network.sections.find((s) => s.name === 'wwan')!.options.pincode, '4321', 'kept for the connection manager');
  assert.equal(t.audit.entries().slice(-1).map((e) => e.code), ['puk-used']);
});

mobile('a scan takes its time and lists the networks; choosing one registers there, automatic goes home', async () => {
  const { t, call } = await setup();
  t.device.modem.scanMs = 300;
  const started = Date.now();
  const scan = await call('/api/mobile/scan', 'POST', { check: true });
  assert.ok(Date.now() - started >= 290, 'the scan is not instant');
  assert.equal(scan.body.networks.map((n: Json) => `${n.code}:${n.availability}`), ['26001:current', '26002:available', '26003:available', '26006:forbidden']);
  assert.is((await call('/api/mobile/scan', 'POST', { check: true })).status, 429, 'scans are rate limited');
  const forbidden = await call('/api/mobile/operator', 'PUT', { code: '26006' });
  assert.is(forbidden.status, 502);
  assert.match(forbidden.body.error, /not allowed/);
  const chosen = await call('/api/mobile/operator', 'PUT', { code: '26003' });
  assert.equal([chosen.status, chosen.body.operator, chosen.body.network.manual], [200, 'Orange', true]);
  assert.is((await call('/api/mobile/operator', 'PUT', { code: 'Plus' })).status, 400);
  const auto = await call('/api/mobile/operator', 'PUT', { code: null });
  assert.equal([auto.body.operator, auto.body.network.manual], ['Plus', false]);
  assert.equal(t.audit.entries().slice(-3).map((e) => e.code), ['networks-scanned', 'operator-chosen', 'operator-auto']);
});

mobile('a scan that outlasts its limit is a timeout, and the modem is free again after it', async () => {
  const t = await testApp({ scanTimeoutMs: 50 });
  t.device.modem.scanMs = 200;
  const s = await t.signIn(INSTALLER_PASSWORD);
  const scan = await t.request('/api/mobile/scan', { method: 'POST', cookie: s.cookie, csrf: s.csrf, body: { check: true } });
  assert.is(scan.status, 504);
  assert.is(((await scan.json()) as Json).code, 'timeout');
  await new Promise((r) => setTimeout(r, 200));
  assert.is((await t.request('/api/mobile', { cookie: s.cookie })).status, 200);
});

mobile('bands: only those the modem supports; leaving the serving band moves the cell; null allows any', async () => {
  const { t, call } = await setup();
  const bad = await call('/api/mobile/bands', 'PUT', { bands: ['eutran-20', 'eutran-66'] });
  assert.is(bad.status, 502);
  assert.match(bad.body.error, /eutran-66/);
  assert.is((await call('/api/mobile/bands', 'PUT', { bands: [] })).status, 400);
  const only3 = await call('/api/mobile/bands', 'PUT', { bands: ['eutran-3'] });
  assert.equal(only3.body.bands.current, ['eutran-3']);
  assert.is(t.device.modem.cell.earfcn, 1300, 'the modem moved to its band 3 carrier');
  const any = await call('/api/mobile/bands', 'PUT', { bands: null });
  assert.is(any.body.bands.current.length, t.device.modem.bands.supported.length);
});

mobile('the ISP’s presets from the config come first for their operator; bad ones are left out', async () => {
  const { readFileSync } = await import('node:fs');
  const base = readFileSync(new URL('../../../openwrt/files/etc/config/modem-admin', import.meta.url), 'utf8');
  const config = `${base}\nconfig apn\n\toption code '26001'\n\toption name 'ISP business'\n\toption apn 'biz.plus.pl'\n\toption auth 'chap'\n\toption username 'isp'\n\toption password 'secret'\n\nconfig apn\n\toption code '26001'\n\toption apn 'bad apn'\n`;
  const { call } = await setup(config);
  assert.equal((await call('/api/mobile')).body.presets.map((p: Json) => p.apn), ['biz.plus.pl']);
});

mobile.run();
