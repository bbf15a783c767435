import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CUSTOMER_PASSWORD, INSTALLER_PASSWORD, testApp } from '../../helpers/app.ts';

type Json = Record<string, any>;
const faults = suite('modem faults on the simulator: clear answers, bounded retries, no crash');

async function setup() {
  const t = await testApp();
  const customer = await t.signIn(CUSTOMER_PASSWORD);
  const installer = await t.signIn(INSTALLER_PASSWORD);
  const check = async () => {
    t.advance(60_000); // past the rate limit
    return (await (await t.request('/api/balance/check', { method: 'POST', cookie: customer.cookie, csrf: customer.csrf, body: { check: true } })).json()) as Json;
  };
  return { t, customer, installer, check };
}

faults('no modem, no SIM, PIN required: the check records the fault; the status says so; the tick goes on', async () => {
  const { t, installer, check } = await setup();
  for (const [fault, code, state] of [['no-modem', 'no-modem', 'absent'], ['no-sim', 'no-sim', 'sim-missing']] as const) {
    t.device.modem.fault = fault;
    assert.is((await check()).result.error.code, code);
    await t.runtime.tick();
    assert.is(t.runtime.status().connection.state, state);
  }
  t.device.modem.fault = null;
  t.device.modem.sim.locked = true;
  assert.is((await check()).result.error.code, 'pin');
  const sms = await t.request('/api/sms', { cookie: installer.cookie });
  assert.is(sms.status, 503);
  assert.equal(await sms.json(), { error: 'the SIM needs its PIN', code: 'pin' });
});

faults('a USSD timeout and a network error are recorded, the previous good reading is kept', async () => {
  const { t, check } = await setup();
  const good = await check();
  t.device.modem.fault = 'ussd-timeout';
  const timedOut = await check();
  assert.is(timedOut.result.error.code, 'timeout');
  assert.equal(timedOut.operator, good.operator, 'the last good figure stays on show');
  t.device.modem.fault = 'network-error';
  const failed = await check();
  assert.is(failed.result.error.code, 'network');
  assert.match(failed.result.error.message, /Network error/);
  assert.is(t.logs.filter((l) => l.startsWith('error:')).length, 0, 'no internal error');
});

faults('a release message before the result: the daemon waits for the text', async () => {
  const { t, check } = await setup();
  t.device.modem.fault = 'release';
  const body = await check();
  assert.is(body.result.error, null);
  assert.match(body.result.text, /Te quedan/);
});

faults('a late reply: the check times out, the reply that comes later is kept as late, and the modem is free again', async () => {
  const { t, customer, check } = await setup();
  t.device.modem.fault = 'late';
  const body = await check();
  assert.is(body.result.error.code, 'timeout');
  t.device.modem.fault = null;
  t.device.modem.deliverLate();
  await new Promise((resolve) => setTimeout(resolve, 10));
  const after = (await (await t.request('/api/balance', { cookie: customer.cookie })).json()) as Json;
  assert.is(after.result.late, true);
  assert.match(after.result.text, /Te quedan/);
  assert.is((await check()).result.error, null, 'the next check works');
});

faults('modem actions run one at a time: a console dial, quick actions and a check at once all answer', async () => {
  const { t, installer, check } = await setup();
  const post = (path: string, body: unknown) => t.request(path, { method: 'POST', cookie: installer.cookie, csrf: installer.csrf, body });
  const results = await Promise.all([post('/api/ussd', { code: '*101#' }), post('/api/ussd/action', { action: 'validity' }), post('/api/ussd/action', { action: 'number' }), check()]);
  const [dial, validity, number] = results as Response[];
  assert.is(dial!.status, 200);
  assert.is(validity!.status, 200);
  assert.is(number!.status, 200);
  assert.match(((await validity!.json()) as Json).text, /Pozostalo/);
  assert.is((results[3] as Json).result.error, null, 'the simulated modem refuses overlapping actions: none overlapped');
});

faults.run();
