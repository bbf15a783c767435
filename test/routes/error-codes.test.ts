// Every error the API answers carries a stable code and its params (the page words it in the
// user's language, with what to do) besides the English message for logs and API users.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CUSTOMER_PASSWORD, INSTALLER_PASSWORD, testApp } from '../helpers/app.ts';

type Json = Record<string, any>;
const errors = suite('error answers: a code, its params and an English message');

errors('a wrong password is "wrong-password", and the sixth try in a row "too-many-tries" with the seconds to wait', async () => {
  const t = await testApp();
  const wrong = await t.request('/api/session', { method: 'POST', body: { password: 'not-the-password' } });
  assert.is(wrong.status, 401);
  assert.equal(await wrong.json(), { error: 'wrong password', code: 'wrong-password', params: {} });
  let last: Response = wrong;
  for (let i = 0; i < 10 && last.status !== 429; i++) last = await t.request('/api/session', { method: 'POST', body: { password: 'not-the-password' } });
  const body = (await last.json()) as Json;
  assert.is(last.status, 429);
  assert.is(body.code, 'too-many-tries');
  assert.ok(body.params.seconds > 0 && body.params.seconds === Number(last.headers.get('Retry-After')));
});

errors('a body that fails its schema lists every field with the kind of problem', async () => {
  const t = await testApp();
  const installer = await t.signIn(INSTALLER_PASSWORD);
  const plan = (await (await t.request('/api/plan', { cookie: installer.cookie })).json()) as Json;
  const res = await t.request('/api/plan', { method: 'PUT', cookie: installer.cookie, csrf: installer.csrf, body: { ...plan, cycleDay: 40, throttleDownKbit: -1 } });
  const body = (await res.json()) as Json;
  assert.is(res.status, 400);
  assert.is(body.code, 'invalid');
  const fields = body.issues.map((i: Json) => i.path).sort();
  assert.equal(fields, ['cycleDay', 'throttleDownKbit'], 'both problems at once');
  assert.ok(body.issues.every((i: Json) => typeof i.code === 'string' && typeof i.message === 'string'));
});

errors('a wrong PIN says how many tries are left; none left: the SIM wants its PUK', async () => {
  const t = await testApp();
  const installer = await t.signIn(INSTALLER_PASSWORD);
  t.device.modem.sim.locked = true;
  const pin = (p: string) => t.request('/api/mobile/pin', { method: 'POST', cookie: installer.cookie, csrf: installer.csrf, body: { pin: p } });
  const first = (await (await pin('0000')).json()) as Json;
  assert.equal([first.code, first.params], ['wrong-pin', { retries: 2 }]);
  await pin('0001');
  const third = (await (await pin('0002')).json()) as Json;
  assert.is(third.code, 'puk');
});

errors('the operator not answering a USSD code is "timeout"', async () => {
  const t = await testApp();
  const customer = await t.signIn(CUSTOMER_PASSWORD);
  t.device.modem.fault = 'ussd-timeout';
  const res = await t.request('/api/ussd/action', { method: 'POST', cookie: customer.cookie, csrf: customer.csrf, body: { action: 'validity' } });
  assert.is(res.status, 504);
  assert.is(((await res.json()) as Json).code, 'timeout');
});

errors('an unexpected failure is "internal" to the page, and logged in full on the device', async () => {
  const t = await testApp();
  const customer = await t.signIn(CUSTOMER_PASSWORD);
  t.ports.wireless.read = async () => {
    throw new Error('uci: the wireless file is unreadable');
  };
  const res = await t.request('/api/wifi', { cookie: customer.cookie });
  assert.is(res.status, 500);
  assert.equal(await res.json(), { error: 'internal error; see the system log', code: 'internal', params: {} });
  assert.ok(t.logs.some((l) => l.includes('GET /api/wifi') && l.includes('the wireless file is unreadable')));
});

errors('refusals before any route (no session, installers only, unknown endpoint) have codes too', async () => {
  const t = await testApp();
  assert.is(((await (await t.request('/api/status')).json()) as Json).code, 'sign-in-required');
  const customer = await t.signIn(CUSTOMER_PASSWORD);
  assert.is(((await (await t.request('/api/audit', { cookie: customer.cookie })).json()) as Json).code, 'installers-only');
  assert.is(((await (await t.request('/api/nothing-here', { cookie: customer.cookie })).json()) as Json).code, 'not-found');
});

errors.run();
