import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CUSTOMER_PASSWORD, INSTALLER_PASSWORD, LABEL_SECRET, testApp } from '../../helpers/app.ts';

const session = suite('session routes');

session('first boot: everything but /healthz, the session state and setup answers "setup required"', async () => {
  const t = await testApp({ setUp: false });
  assert.is((await t.request('/healthz')).status, 200);
  const state = await (await t.request('/api/session')).json();
  assert.equal(state, { role: null, setupRequired: true });
  const status = await t.request('/api/status');
  assert.is(status.status, 409);
  assert.equal(await status.json(), { error: 'setup required', setupRequired: true });
});

session('setup with the label secret signs in as customer, and the secret stops working', async () => {
  const t = await testApp({ setUp: false });
  const res = await t.request('/api/setup', { method: 'POST', body: { secret: LABEL_SECRET.toLowerCase(), password: 'a-new-password' } });
  assert.is(res.status, 200);
  const body = (await res.json()) as { role: string; csrfToken: string };
  assert.is(body.role, 'customer');
  assert.ok(body.csrfToken.length >= 22);
  const cookie = res.headers.get('set-cookie')!;
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  assert.match(cookie, /Path=\//);
  const again = await t.request('/api/setup', { method: 'POST', body: { secret: LABEL_SECRET, password: 'another-password' } });
  assert.is(again.status, 409);
  assert.is((await t.request('/api/status', { cookie: cookie.split(';')[0] })).status, 200);
});

session('setup refuses a wrong secret, a short password and the secret as password', async () => {
  const t = await testApp({ setUp: false });
  const wrong = await t.request('/api/setup', { method: 'POST', body: { secret: 'WRONGWRONG', password: 'a-new-password' } });
  assert.is(wrong.status, 422);
  assert.is(((await wrong.json()) as { error: string }).error, 'the label secret is not right');
  const short = await t.request('/api/setup', { method: 'POST', body: { secret: LABEL_SECRET, password: 'short' } });
  assert.is(short.status, 400);
  assert.match(((await short.json()) as { error: string }).error, /at least 10 characters/);
  const same = await t.request('/api/setup', { method: 'POST', body: { secret: LABEL_SECRET, password: LABEL_SECRET } });
  assert.is(same.status, 422);
  assert.ok(((await (await t.request('/api/session')).json()) as { setupRequired: boolean }).setupRequired);
});

session('the customer and installer passwords sign in with their roles; a wrong one gets 401', async () => {
  const t = await testApp();
  assert.is((await t.signIn(CUSTOMER_PASSWORD)).role, 'customer');
  assert.is((await t.signIn(INSTALLER_PASSWORD)).role, 'installer');
  const res = await t.request('/api/session', { method: 'POST', body: { password: 'nope-nope-nope' } });
  assert.is(res.status, 401);
});

session('every sign-in gets a new session id', async () => {
  const t = await testApp();
  const a = await t.signIn(CUSTOMER_PASSWORD);
  const b = await t.signIn(CUSTOMER_PASSWORD);
  assert.is.not(a.cookie, b.cookie);
  assert.match(a.cookie, /^sid=[A-Za-z0-9_-]{22}$/);
});

session('sign-out ends the session', async () => {
  const t = await testApp();
  const s = await t.signIn(CUSTOMER_PASSWORD);
  assert.is((await t.request('/api/session', { method: 'DELETE', cookie: s.cookie, csrf: s.csrf })).status, 204);
  assert.is((await t.request('/api/status', { cookie: s.cookie })).status, 401);
});

session('the idle timeout ends a session; background requests do not extend it', async () => {
  const t = await testApp();
  const s = await t.signIn(CUSTOMER_PASSWORD);
  t.advance(10 * 60_000);
  assert.is((await t.request('/api/status', { cookie: s.cookie, headers: { 'x-background': '1' } })).status, 200);
  t.advance(6 * 60_000);
  assert.is((await t.request('/api/status', { cookie: s.cookie })).status, 401);
});

session('activity keeps a session up to the absolute timeout of 12 hours', async () => {
  const t = await testApp();
  const s = await t.signIn(CUSTOMER_PASSWORD);
  for (let minutes = 0; minutes < 12 * 60 - 10; minutes += 10) {
    t.advance(10 * 60_000);
    assert.is((await t.request('/api/status', { cookie: s.cookie })).status, 200, `at ${minutes} min`);
  }
  t.advance(20 * 60_000);
  assert.is((await t.request('/api/status', { cookie: s.cookie })).status, 401);
});

session('repeated wrong passwords from one client get 429 with Retry-After; another client still signs in', async () => {
  const t = await testApp();
  const from = (ip: string, password: string) =>
    t.app.request('/api/session', {
      method: 'POST',
      headers: { host: '192.168.1.1', origin: 'http://192.168.1.1', 'content-type': 'application/json' },
      body: JSON.stringify({ password }),
    }, { incoming: { socket: { remoteAddress: ip } } });
  for (let i = 0; i < 4; i++) assert.is((await from('192.168.1.50', 'wrong-password')).status, 401);
  const limited = await from('192.168.1.50', CUSTOMER_PASSWORD);
  assert.is(limited.status, 429);
  assert.ok(Number(limited.headers.get('retry-after')) >= 1);
  assert.is((await from('192.168.1.51', CUSTOMER_PASSWORD)).status, 200);
  t.advance(2_000);
  assert.is((await from('192.168.1.50', CUSTOMER_PASSWORD)).status, 200);
  assert.not.ok(t.logs.some((line) => line.includes('wrong-password') || line.includes(CUSTOMER_PASSWORD)));
});

session.run();
