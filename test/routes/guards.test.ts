import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveApp } from '../../device-daemon/src/http-server.ts';
import { CUSTOMER_PASSWORD, HOST, testApp } from '../helpers/app.ts';

const guards = suite('web guards');

guards('a foreign Host gets 421 (DNS rebinding); our names and addresses are served', async () => {
  const t = await testApp();
  assert.is((await t.app.request('/healthz', { headers: { host: 'evil.example' } })).status, 421);
  assert.is((await t.app.request('/healthz', { headers: { host: 'evil.example:80' } })).status, 421);
  assert.is((await t.app.request('/healthz', { headers: { host: `${HOST}:80` } })).status, 200);
  assert.is((await t.app.request('/healthz', { headers: { host: 'MODEM.LAN' } })).status, 200);
});

guards('state-changing requests need a same-origin Origin or fetch metadata, JSON, and the token', async () => {
  const t = await testApp();
  const s = await t.signIn(CUSTOMER_PASSWORD);
  const del = (headers: Record<string, string>) =>
    t.app.request('/api/session', { method: 'DELETE', headers: { host: HOST, cookie: s.cookie, ...headers } });
  assert.is((await del({ origin: 'http://evil.example', 'x-csrf-token': s.csrf })).status, 403, 'foreign origin');
  assert.is((await del({ 'sec-fetch-site': 'cross-site', 'x-csrf-token': s.csrf })).status, 403, 'cross-site metadata');
  assert.is((await del({ origin: 'null', 'x-csrf-token': s.csrf })).status, 403, 'opaque origin');
  assert.is((await del({ 'x-csrf-token': s.csrf })).status, 403, 'no origin at all');
  assert.is((await del({ origin: `http://${HOST}` })).status, 403, 'missing token');
  assert.is((await del({ origin: `http://${HOST}`, 'x-csrf-token': 'x'.repeat(22) })).status, 403, 'wrong token');
  assert.is((await del({ origin: `http://${HOST}`, 'x-csrf-token': s.csrf })).status, 204);
});

guards('a plain form post or a text/plain body is refused before it is read', async () => {
  const t = await testApp();
  for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
    const res = await t.app.request('/api/session', {
      method: 'POST',
      headers: { host: HOST, origin: `http://${HOST}`, 'content-type': type },
      body: `password=${CUSTOMER_PASSWORD}`,
    });
    assert.is(res.status, 415, type);
  }
});

guards('answers carry the security headers; API answers are not cached; no CORS (through the real server)', async () => {
  const t = await testApp();
  const server = await serveApp(t.app.fetch, '127.0.0.1', 0);
  const { port } = server.address() as AddressInfo;
  // node:http rather than fetch: fetch does not let a caller set Host.
  const fetch = (url: string, init: { method?: string; headers: Record<string, string> }) =>
    new Promise<{ status: number; headers: { get(name: string): string | null } }>((resolve, reject) => {
      const req = request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
        res.resume();
        const get = (name: string) => {
          const value = res.headers[name];
          return value === undefined ? null : String(value);
        };
        resolve({ status: res.statusCode!, headers: { get } });
      });
      req.on('error', reject);
      req.end();
    });
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/session`, { headers: { host: HOST, origin: 'http://evil.example' } });
    assert.is(res.status, 200);
    assert.match(res.headers.get('content-security-policy')!, /script-src 'self'/);
    assert.match(res.headers.get('content-security-policy')!, /frame-ancestors 'none'/);
    assert.is(res.headers.get('x-content-type-options'), 'nosniff');
    assert.is(res.headers.get('x-frame-options'), 'DENY');
    assert.is(res.headers.get('referrer-policy'), 'no-referrer');
    assert.is(res.headers.get('cache-control'), 'no-store');
    assert.is(res.headers.get('access-control-allow-origin'), null);
    const page = await fetch(`http://127.0.0.1:${port}/healthz`, { headers: { host: HOST } });
    assert.match(page.headers.get('content-security-policy')!, /default-src 'self'/);
    assert.is(page.headers.get('cache-control'), null, 'only API answers are no-store');
    const preflight = await fetch(`http://127.0.0.1:${port}/api/session`, { method: 'OPTIONS', headers: { host: HOST, origin: 'http://evil.example' } });
    assert.is(preflight.headers.get('access-control-allow-origin'), null);
    assert.ok(preflight.status >= 400);
  } finally {
    server.close();
  }
});

guards('a body over the limit gets 413 and a body that is not JSON gets 400, with a message', async () => {
  const t = await testApp();
  const big = await t.request('/api/session', { method: 'POST', body: { password: 'x'.repeat(100_000) } });
  assert.is(big.status, 413);
  const bad = await t.app.request('/api/session', {
    method: 'POST',
    headers: { host: HOST, origin: `http://${HOST}`, 'content-type': 'application/json' },
    body: '{"password":',
  });
  assert.is(bad.status, 400);
  assert.is(((await bad.json()) as { error: string }).error, 'the body is not valid JSON');
  const wrongType = await t.request('/api/session', { method: 'POST', body: { password: 42, __proto__x: 1 } });
  assert.is(wrongType.status, 400);
});

guards.run();
