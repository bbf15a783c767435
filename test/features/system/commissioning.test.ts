import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CUSTOMER_PASSWORD, INSTALLER_PASSWORD, testApp } from '../../helpers/app.ts';
import { readFrames } from '../../helpers/sse.ts';

type Json = Record<string, any>;
const record = suite('commissioning record: made when the installer finishes, kept, printable');

async function setup() {
  const t = await testApp();
  const installer = await t.signIn(INSTALLER_PASSWORD);
  const customer = await t.signIn(CUSTOMER_PASSWORD);
  const call = (who: { cookie: string; csrf: string }, path: string, method = 'GET', body?: unknown) => t.request(path, { method, cookie: who.cookie, csrf: who.csrf, body });
  return { t, installer, customer, call };
}

record('after aiming, finishing records device, SIM, versions, plan, APN, best and final signal with their cells, and the tests', async () => {
  const { t, installer, call } = await setup();
  assert.equal(((await (await call(installer, '/api/commissioning')).json()) as Json).record, null);
  // Aim: facing the tower first (the best), then a little off (the final).
  t.device.modem.antennaDegrees = 120;
  const res = await call(installer, '/api/signal/events');
  let tick = 0;
  const frames = await readFrames(res.body!, 6, async () => {
    if (++tick === 4) t.device.modem.antennaDegrees = 170;
    t.advance(1000);
    await t.runtime.tick();
    await new Promise((r) => setTimeout(r, 5));
  });
  const bestRsrp = Math.max(...frames.map((f) => f.sample.rsrp));
  const done = await call(installer, '/api/commissioning', 'POST', { done: true, notes: 'Mast on the north gable.' });
  assert.is(done.status, 201);
  const r = ((await done.json()) as Json).record;
  assert.equal(r.device, { model: 'Simulated LTE router', firmware: 'OpenWrt 24.10.0 r28427-6df0e3d02a (simulated)', packageVersion: 'dev', imei: '352099001761481', iccid: '89480000000000000000' });
  assert.equal([r.by, r.operator, r.technology, r.apn], ['installer', 'Plus', 'lte', 'internet']);
  assert.equal(r.plan, { cycle: 'monthly', cap: 20 * 1024 ** 3, policy: 'throttle', timezone: 'Europe/Warsaw', units: 'GiB' });
  assert.is(r.signal.best.rsrp, bestRsrp);
  assert.equal([r.signal.best.cell.cellId, r.signal.best.cell.band], ['0197763E', 20]);
  assert.ok(r.signal.final.rsrp < bestRsrp, 'the final reading is the one at the end, not the best');
  assert.is(r.signal.final.cell.pci, 214);
  assert.equal(r.tests.map((s: Json) => `${s.kind}:${s.ok}`), ['dns:true', 'dns:true', 'ping:true']);
  assert.is(r.notes, 'Mast on the north gable.');
  assert.ok(t.store.files.has('commissioning'), 'kept in the flash store');
  assert.equal(((await (await call(installer, '/api/commissioning')).json()) as Json).record, r);
  assert.is(t.audit.entries().at(-1)!.code, 'commissioned');
});

record('the printable page: a download, no script allowed, device text escaped, in English or Polish', async () => {
  const { installer, customer, call } = await setup();
  assert.is((await call(installer, '/api/commissioning/record.html')).status, 404);
  await call(installer, '/api/commissioning', 'POST', { done: true, notes: '<script>alert(1)</script> & "x"' });
  const page = await call(installer, '/api/commissioning/record.html');
  assert.is(page.status, 200);
  assert.match(page.headers.get('content-type')!, /text\/html/);
  assert.match(page.headers.get('content-disposition')!, /attachment; filename="commissioning-352099001761481-2026-11-21\.html"/);
  assert.match(page.headers.get('content-security-policy')!, /default-src 'none'/);
  const html = await page.text();
  assert.not.match(html, /<script>/);
  assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62; &#38; &#34;x&#34;/);
  assert.match(html, /Commissioning record/);
  assert.match(html, /352099001761481/);
  assert.match(html, /Best<\/th><td>not measured/, 'the meter was never opened');
  assert.match(await (await call(installer, '/api/commissioning/record.html?lang=pl')).text(), /Protokół uruchomienia/);
  assert.is((await call(customer, '/api/commissioning')).status, 403);
  assert.is((await call(installer, '/api/commissioning', 'POST', { notes: 'x' })).status, 400);
});

record('the printable page gives the cap in the family the plan was written in: "20GB" as 20 GB, "20G" as 20 GiB', async () => {
  for (const [cap, en, pl] of [
    ['20GB', '20 GB', '20 GB'],
    ['1.5GB', '1.5 GB', '1,5 GB'],
    ['20G', '20 GiB', '20 GiB'],
  ]) {
    const t = await testApp({ config: `config plan 'plan'\n\toption cap '${cap}'\n` });
    const installer = await t.signIn(INSTALLER_PASSWORD);
    const call = (path: string, method = 'GET', body?: unknown) => t.request(path, { method, cookie: installer.cookie, csrf: installer.csrf, body });
    await call('/api/commissioning', 'POST', { done: true });
    assert.match(await (await call('/api/commissioning/record.html')).text(), new RegExp(`Monthly allowance</th><td>${en}</td>`), cap);
    assert.match(await (await call('/api/commissioning/record.html?lang=pl')).text(), new RegExp(`Limit miesięczny</th><td>${pl}</td>`), cap);
  }
});

record('a failed test is on the record and in the audit log', async () => {
  const { t, installer, call } = await setup();
  t.device.modem.state = 'searching';
  t.advance(5000); // the tick reads the modem every 5 s
  await t.runtime.tick();
  const r = ((await (await call(installer, '/api/commissioning', 'POST', { done: true })).json()) as Json).record;
  assert.is(r.tests[0].ok, false);
  assert.is(r.signal.final, null);
  assert.is(t.audit.entries().at(-1)!.code, 'commissioning-failed');
});

record.run();
