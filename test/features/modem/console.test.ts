import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readConfig } from '../../../device-daemon/src/core/config.ts';
import { ACCESS } from '../../../device-daemon/src/middleware/access-table.ts';
import { readFrames } from '../../helpers/sse.ts';
import { CUSTOMER_PASSWORD, INSTALLER_PASSWORD, testApp } from '../../helpers/app.ts';

type Json = Record<string, any>;
const modem = suite('USSD, SMS, signal meter and mobile settings');

async function setup() {
  const t = await testApp();
  const customer = await t.signIn(CUSTOMER_PASSWORD);
  const installer = await t.signIn(INSTALLER_PASSWORD);
  const call = (s: { cookie: string; csrf: string }, method: string, path: string, body?: unknown) => t.request(path, { method, cookie: s.cookie, csrf: s.csrf, body });
  return { t, customer, installer, call };
}

modem('every modem endpoint has its role: customers balance, top-up, quick actions and SMS inbox; installers the rest', async () => {
  const { customer, call } = await setup();
  const installerOnly = ['POST /api/ussd', 'POST /api/ussd/respond', 'DELETE /api/ussd', 'POST /api/sms', 'GET /api/signal/events', 'GET /api/mobile', 'PUT /api/mobile', 'POST /api/mobile/pin'];
  for (const key of installerOnly) {
    assert.is(ACCESS[key], 'installer', key);
    const [method, path] = key.split(' ') as [string, string];
    assert.is((await call(customer, method, path, method === 'GET' ? undefined : {})).status, 403, key);
  }
  for (const key of ['GET /api/balance', 'POST /api/balance/check', 'POST /api/topups/purchase', 'GET /api/ussd', 'POST /api/ussd/action', 'GET /api/sms', 'DELETE /api/sms/:id{[0-9]{1,9}}']) assert.is(ACCESS[key], 'customer', key);
});

modem('quick actions: customers see and run the plain ones; internet on/off is for installers', async () => {
  const { t, customer, installer, call } = await setup();
  const seen = (await (await call(customer, 'GET', '/api/ussd')).json()) as Json;
  assert.equal(seen.actions.map((a: Json) => a.id), ['validity', 'number']);
  const own = (await (await call(customer, 'POST', '/api/ussd/action', { action: 'number' })).json()) as Json;
  assert.equal(own, { text: 'Twoj numer: 48500100200', final: true });
  assert.is((await call(customer, 'POST', '/api/ussd/action', { action: 'data_off' })).status, 404);
  assert.is(((await (await call(installer, 'GET', '/api/ussd')).json()) as Json).actions.length, 4);
  assert.is((await call(installer, 'POST', '/api/ussd/action', { action: 'data_off' })).status, 200);
  assert.is(t.device.modem.state, 'registered', 'the simulated operator switched data off');
  assert.is((await call(installer, 'POST', '/api/ussd/action', { action: 'data_off' })).status, 429, 'a repeat within 5 s');
});

modem('the USSD console: strict codes, a menu answered and cancelled', async () => {
  const { installer, call } = await setup();
  for (const code of ['-1#', '*108#; reboot', '*'.repeat(33), 'ABC', '']) assert.is((await call(installer, 'POST', '/api/ussd', { code })).status, 400, code);
  const menu = (await (await call(installer, 'POST', '/api/ussd', { code: '*100#' })).json()) as Json;
  assert.is(menu.final, false);
  assert.match(menu.text, /1:Stan konta/);
  assert.is((await call(installer, 'POST', '/api/ussd/respond', { text: '1; x' })).status, 400);
  const answer = (await (await call(installer, 'POST', '/api/ussd/respond', { text: '1' })).json()) as Json;
  assert.is(answer.final, true);
  assert.match(answer.text, /Te quedan/);
  assert.is((await call(installer, 'DELETE', '/api/ussd')).status, 200);
  const unknown = await call(installer, 'POST', '/api/ussd', { code: '*999#' });
  assert.is(unknown.status, 429, 'the console waits 2 s between dials');
});

modem('SMS: installers send (validated), everyone reads and deletes; hostile text comes back literally', async () => {
  const { t, customer, installer, call } = await setup();
  const hostile = `<img src=x onerror="alert(1)">&amp;</script>`;
  assert.is((await call(customer, 'POST', '/api/sms', { to: '7202020', text: 'hi' })).status, 403);
  assert.is((await call(installer, 'POST', '/api/sms', { to: '-7202020', text: 'hi' })).status, 400);
  assert.is((await call(installer, 'POST', '/api/sms', { to: '7202020', text: `both ' and "` })).status, 400);
  assert.is((await call(installer, 'POST', '/api/sms', { to: '7202020', text: 'x'.repeat(641) })).status, 400);
  assert.is((await call(installer, 'POST', '/api/sms', { to: '48600100200', text: hostile })).status, 201);
  const list = (await (await call(customer, 'GET', '/api/sms')).json()) as Json;
  const sent = list.messages.find((m: Json) => m.text === hostile);
  assert.ok(sent, 'stored and returned byte for byte');
  assert.is(sent.incoming, false);
  assert.is((await call(customer, 'DELETE', `/api/sms/${sent.id}`)).status, 200);
  assert.is((await call(customer, 'DELETE', '/api/sms/..%2F1')).status, 404);
  assert.is(((await (await call(customer, 'GET', '/api/sms')).json()) as Json).messages.length, 0);
  void t;
});

modem('the signal meter streams every tick; turning the antenna towards the tower moves RSRP up', async () => {
  const { t, installer } = await setup();
  t.device.modem.antennaDegrees = 300; // facing away
  const res = await t.request('/api/signal/events', { cookie: installer.cookie });
  assert.is(res.status, 200);
  assert.match(res.headers.get('content-type')!, /text\/event-stream/);
  let tick = 0;
  const frames = await readFrames(res.body!, 15, async () => {
    tick++;
    if (tick === 12) t.device.modem.antennaDegrees = 120; // facing the tower
    t.advance(1000);
    await t.runtime.tick();
  });
  const first = frames[0]!;
  const last = frames.at(-1)!;
  assert.ok(Array.isArray(first.history), 'the first frame carries the sparkline');
  assert.is(last.history, undefined);
  assert.ok(first.rsrp.value < -105 && first.rsrp.band === 'poor', JSON.stringify(first.rsrp));
  assert.ok(last.rsrp.value > -82, JSON.stringify(last.rsrp));
  assert.is(last.rsrp.trend, 'better');
  assert.ok(['excellent', 'good'].includes(last.rsrp.band));
  assert.is(t.statusEvents.size, 0, 'the meter stops listening when the stream closes');
});

modem('aiming: one quality word, the best reading so far with its time and cell, the serving cell with band, PCI and aggregation', async () => {
  const { t, installer } = await setup();
  t.device.modem.antennaDegrees = 130; // near the tower
  const res = await t.request('/api/signal/events', { cookie: installer.cookie });
  let tick = 0;
  const frames = await readFrames(res.body!, 12, async () => {
    tick++;
    if (tick === 4) t.device.modem.antennaDegrees = 300; // turned away: worse, but the best stays
    t.advance(1000);
    await t.runtime.tick();
    await new Promise((r) => setTimeout(r, 5)); // the cell is read in the background
  });
  const last = frames.at(-1)!;
  assert.is(frames[0]!.quality, 'excellent');
  assert.is(last.quality, 'poor', 'the word follows the weaker of RSRP and SINR');
  assert.ok(last.best.rsrp > -85 && last.best.rsrp >= Math.max(...frames.map((f) => f.sample.rsrp)), JSON.stringify(last.best));
  assert.is(last.best.t, frames.find((f) => f.sample.rsrp === last.best.rsrp)!.sample.t);
  assert.equal([last.best.cell.cellId, last.best.cell.band], ['0197763E', 20]);
  assert.equal(last.cell, { mcc: '260', mnc: '01', tac: '4AA3', cellId: '0197763E', pci: 214, earfcn: 6300, band: 20, secondary: [{ pci: 214, earfcn: 1300, band: 3 }] });
  assert.is((await t.request('/api/signal/best', { method: 'DELETE', cookie: installer.cookie, csrf: installer.csrf })).status, 200);
  assert.is(t.audit.entries().at(-1)!.code, 'best-reset');
});

modem('on 3G the cell has no LTE figures: the meter says what the modem did not report', async () => {
  const { t, installer } = await setup();
  t.device.modem.settings.mode = '3g';
  const res = await t.request('/api/signal/events', { cookie: installer.cookie });
  const frames = await readFrames(res.body!, 3, async () => {
    t.advance(1000);
    await t.runtime.tick();
    await new Promise((r) => setTimeout(r, 5));
  });
  const last = frames.at(-1)!;
  assert.equal([last.cell.pci, last.cell.earfcn, last.cell.band, last.cell.secondary], [null, null, null, null]);
  assert.is(last.cell.cellId, '0197763E');
});

modem('mobile settings as netifd reads them: no allowedauth with a user means CHAP, an empty pincode means no PIN', async () => {
  const { t, installer, call } = await setup();
  await t.uci.batch('network', [
    { op: 'set', path: 'network.wwan.username', value: 'vodafone' },
    { op: 'set', path: 'network.wwan.password', value: 'vodafone' },
    { op: 'set', path: 'network.wwan.pincode', value: '' },
  ]);
  const got = (await (await call(installer, 'GET', '/api/mobile')).json()) as Json;
  assert.equal([got.auth, got.authDefault, got.username, got.passwordSet, got.pinStored], ['chap', true, 'vodafone', true, false]);
  await t.uci.batch('network', [
    { op: 'set', path: 'network.wwan.allowedauth', value: 'pap' },
    { op: 'set', path: 'network.wwan.pincode', value: '7423' },
  ]);
  const pap = (await (await call(installer, 'GET', '/api/mobile')).json()) as Json;
  assert.equal([pap.auth, pap.authDefault, pap.pinStored], ['pap', false, true]);
});

modem('mobile settings: read, validated, stored in UCI network and applied to the modem', async () => {
  const { t, installer, call } = await setup();
  const got = (await (await call(installer, 'GET', '/api/mobile')).json()) as Json;
  // The network tools' fields (IMEI, unlock, bands, presets, connection) are checked in mobile-network.test.ts.
  const { imei: _i, unlock: _u, network: _n, bands: _b, presets: _p, operator: _o, connection: _c, ...settings } = got;
  assert.equal(settings, { interface: 'wwan', apn: 'internet', auth: 'none', username: '', mode: 'auto', authDefault: false, passwordSet: false, pinStored: false, state: 'connected', sim: { iccid: '89480000000000000000', imsi: '260010000000000', ownNumber: '48500100200' } });
  for (const bad of [{ ...got, apn: '-x' }, { apn: 'a', auth: 'kerberos', username: '', mode: 'auto' }, { apn: 'a', auth: 'pap', username: "x',y", mode: 'auto' }, { apn: 'a', auth: 'none', username: '', mode: '5g' }]) {
    assert.is((await call(installer, 'PUT', '/api/mobile', bad)).status, 400, JSON.stringify(bad));
  }
  const res = await call(installer, 'PUT', '/api/mobile', { apn: 'internet.plus.pl', auth: 'chap', username: 'plus', password: 'secret', mode: 'lte' });
  assert.is(res.status, 200);
  const o = (await t.uci.show('network')).sections.find((s) => s.name === 'wwan')!.options;
  assert.equal([o.apn, o.allowedauth, o.username, o.password, o.allowedmode], ['internet.plus.pl', 'chap', 'plus', 'secret', '4g']);
  assert.equal(t.device.modem.settings, { apn: 'internet.plus.pl', auth: 'chap', username: 'plus', password: 'secret', mode: 'lte' });
  assert.is(((await res.json()) as Json).passwordSet, true);
  await call(installer, 'PUT', '/api/mobile', { apn: 'internet', auth: 'none', username: '', mode: '3g' });
  const o2 = (await t.uci.show('network')).sections.find((s) => s.name === 'wwan')!.options;
  assert.is(o2.password, undefined, 'auth none drops the credentials');
  assert.is(o2.allowedmode, '3g');
  // The status shows it at the next modem read (every 5 s).
  t.advance(5000);
  await t.runtime.tick();
  assert.is(t.runtime.status().connection.technology, 'umts');
});

modem('PIN: a locked SIM is unlocked with its PIN (kept for boot), a wrong one counts down, the PIN can change', async () => {
  const { t, installer, call } = await setup();
  t.device.modem.sim.locked = true;
  assert.is(((await (await call(installer, 'GET', '/api/mobile')).json()) as Json).state, 'locked');
  const wrong = await call(installer, 'POST', '/api/mobile/pin', { pin: '0000' });
  assert.is(wrong.status, 503);
  assert.match(((await wrong.json()) as Json).error, /2 tries left/);
  assert.is((await call(installer, 'POST', '/api/mobile/pin', { pin: '12a4' })).status, 400);
  assert.is((await call(installer, 'POST', '/api/mobile/pin', { pin: '1234' })).status, 200);
  assert.is(t.device.modem.sim.locked, false);
  assert.is((await call(installer, 'POST', '/api/mobile/pin', { pin: '1234', newPin: '4321' })).status, 200);
  assert.is(t.device.modem.sim.pin, '4321');
  const o = (await t.uci.show('network')).sections.find((s) => s.name === 'wwan')!.options;
  assert.is(o.pincode, '4321');
});

modem('the operator\'s codes are read with the configuration, at start and on reload, not at every request', async () => {
  const { t, customer, call } = await setup();
  const shows: string[] = [];
  const show = t.uci.show.bind(t.uci);
  t.uci.show = async (pkg: string) => (shows.push(pkg), show(pkg));
  for (let i = 0; i < 3; i++) {
    assert.is((await call(customer, 'GET', '/api/ussd')).status, 200);
    assert.is((await call(customer, 'GET', '/api/balance')).status, 200);
  }
  assert.not.ok(shows.includes('modem-admin'), 'no request read our package from UCI');
  await t.uci.batch('modem-admin', [{ op: 'set', path: 'modem-admin.ussd.mycode', value: '*555#' }]);
  const before = (await (await call(customer, 'GET', '/api/ussd')).json()) as Json;
  assert.not.ok(JSON.stringify(before).includes('mycode'), 'a UCI change waits for the reload');
  await t.built.reload(readConfig(await t.uci.show('modem-admin')));
  const after = (await (await call(customer, 'GET', '/api/ussd')).json()) as Json;
  assert.ok(JSON.stringify(after).includes('mycode'), 'the reload brought the new code');
  assert.ok(t.logs.some((l) => /reload: changed .*modem/.test(l)));
});

modem.run();
