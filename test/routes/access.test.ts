// Walks every registered route with no session, a customer and an installer, and
// checks each answer against the access table: deny by default, no route unlisted.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { FEATURES } from '../../device-daemon/src/features/index.ts';
import type { Manifest } from '../../device-daemon/src/features/manifest.ts';
import { ACCESS, accessTable } from '../../device-daemon/src/middleware/access-table.ts';
import { CUSTOMER_PASSWORD, INSTALLER_PASSWORD, testApp } from '../helpers/app.ts';

const access = suite('access table');

access('every registered endpoint is in the access table', async () => {
  const t = await testApp();
  const endpoints = t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);
  for (const key of endpoints) assert.ok(key in ACCESS, `${key} has no entry in ACCESS`);
  for (const key of Object.keys(ACCESS)) assert.ok(endpoints.includes(key), `ACCESS lists ${key}, which is not registered`);
});

access('each endpoint answers each role as the table says', async () => {
  const t = await testApp();
  const customer = await t.signIn(CUSTOMER_PASSWORD);
  const installer = await t.signIn(INSTALLER_PASSWORD);
  const rank = { public: 0, setup: 0, customer: 1, installer: 2 } as const;
  for (const [key, need] of Object.entries(ACCESS)) {
    const [method, pattern] = key.split(' ') as [string, string];
    if (need === 'setup') continue; // covered by the session suite: only before setup
    // A sample value per path parameter that passes the route's own pattern.
    const samples: Record<string, string> = { id: '1', mac: '3c:22:fb:10:00:01' };
    const path = pattern === '/*' ? '/index.html' : pattern.replace(/:(\w+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g, (_, name: string) => samples[name] ?? 'x');
    if (path === '/api/events') continue; // a stream: checked by the events suite
    for (const [who, s, level] of [
      ['nobody', null, 0],
      ['customer', customer, 1],
      ['installer', installer, 2],
    ] as const) {
      // A fresh token-less request for DELETE /api/session would sign the session out; use a throwaway one.
      const session = key === 'DELETE /api/session' && s ? await t.signIn(who === 'customer' ? CUSTOMER_PASSWORD : INSTALLER_PASSWORD) : s;
      const res = await t.request(path, { method, cookie: session?.cookie, csrf: session?.csrf, body: method === 'POST' || method === 'PUT' ? {} : undefined });
      const allowed = level >= rank[need];
      if (allowed) assert.ok(![401, 403].includes(res.status), `${who} ${key}: ${res.status}`);
      else assert.ok([401, 403].includes(res.status), `${who} ${key} should be refused, got ${res.status}`);
    }
  }
});

access('each feature answers exactly the endpoints its manifest declares', async () => {
  const t = await testApp();
  for (const feature of FEATURES) {
    const routes = await feature.routes(t.built.parts);
    const base = feature.base ?? '/api';
    const registered = routes.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${base === '/' ? '' : base}${r.path}`);
    assert.equal(registered.sort(), Object.keys(feature.endpoints).sort(), feature.name);
  }
});

access('an endpoint declared by two features is refused when the table is built', () => {
  const [first, second] = FEATURES as [Manifest, Manifest];
  const clash = { ...second, endpoints: { ...second.endpoints, ...first.endpoints } } as Manifest;
  assert.throws(() => accessTable([first, clash]), /declared by two features/);
});

access.run();
