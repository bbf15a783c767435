// Path tricks, password changes, the audit log, a LAN address change, and
// hostile JSON bodies against every endpoint.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { AUDIT_FILE } from '../../device-daemon/src/auth/audit-log.ts';
import { createApp } from '../../device-daemon/src/app.ts';
import { hostAllowList } from '../../device-daemon/src/listen.ts';
import { ACCESS } from '../../device-daemon/src/middleware/access-table.ts';
import { loadAssets } from '../../device-daemon/src/middleware/static-files.ts';
import { CUSTOMER_PASSWORD, HOST, INSTALLER_PASSWORD, testApp } from '../helpers/app.ts';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const security = suite('web security');

security('encoded and doubled traversal never serves a file outside the UI and never passes the auth check', async () => {
  const root = mkdtempSync(join(tmpdir(), 'www-'));
  mkdirSync(join(root, 'www'));
  writeFileSync(join(root, 'www', 'index.html.gz'), gzipSync('<!doctype html><title>ui</title>'));
  writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET');
  const t = await testApp();
  const app = createApp({ ...t.built.parts, assets: loadAssets(join(root, 'www')) });
  const paths = [
    '/../secret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/%252e%252e/secret.txt',
    '/....//secret.txt', '/index.html%00.txt', '/%00', '/..\\secret.txt', '//etc/passwd', '/etc/passwd', '/%2fetc%2fpasswd',
  ];
  for (const path of paths) {
    const res = await app.request(path, { headers: { host: HOST } });
    const body = await res.text();
    assert.not.ok(body.includes('TOP-SECRET'), path);
    assert.not.ok(body.includes('root:'), path);
  }
  for (const path of ['/api/status', '//api/status', '/api//status', '/API/status', '/api/%73tatus', '/api/status/', '/api/./status', '/api/x/../status', '/api/status%00', '/api/Status']) {
    const res = await app.request(path, { headers: { host: HOST } });
    const body = await res.text();
    assert.not.ok(body.includes('"usage"'), `${path} leaked the status: ${res.status}`);
  }
});

security('a customer changes the password with the current one: other sessions end, this one stays', async () => {
  const t = await testApp();
  const phone = await t.signIn(CUSTOMER_PASSWORD);
  const laptop = await t.signIn(CUSTOMER_PASSWORD);
  const wrong = await t.request('/api/password', { method: 'POST', cookie: phone.cookie, csrf: phone.csrf, body: { current: 'not-the-password', password: 'a-brand-new-pass' } });
  assert.is(wrong.status, 403);
  const ok = await t.request('/api/password', { method: 'POST', cookie: phone.cookie, csrf: phone.csrf, body: { current: CUSTOMER_PASSWORD, password: 'a-brand-new-pass' } });
  assert.is(ok.status, 200);
  assert.is((await t.request('/api/status', { cookie: phone.cookie })).status, 200);
  assert.is((await t.request('/api/status', { cookie: laptop.cookie })).status, 401);
  assert.is((await t.request('/api/session', { method: 'POST', body: { password: CUSTOMER_PASSWORD } })).status, 401);
  assert.is((await t.signIn('a-brand-new-pass')).role, 'customer');
});

security('the audit log records sign-ins and changes with time and role, never a password, and is bounded', async () => {
  const t = await testApp();
  const customer = await t.signIn(CUSTOMER_PASSWORD);
  await t.request('/api/password', { method: 'POST', cookie: customer.cookie, csrf: customer.csrf, body: { current: CUSTOMER_PASSWORD, password: 'another-password-2' } });
  const installer = await t.signIn(INSTALLER_PASSWORD);
  const denied = await t.request('/api/audit', { cookie: (await t.signIn('another-password-2')).cookie });
  assert.is(denied.status, 403);
  const res = await t.request('/api/audit', { cookie: installer.cookie });
  const { entries } = (await res.json()) as { entries: { at: string; role: string; event: string }[] };
  const text = JSON.stringify(entries);
  assert.ok(entries.some((e) => e.role === 'customer' && e.event === 'changed the customer password'));
  assert.ok(entries.some((e) => e.role === 'installer' && e.event.startsWith('signed in')));
  assert.ok(entries.every((e) => !Number.isNaN(Date.parse(e.at))));
  assert.not.ok(text.includes(CUSTOMER_PASSWORD) || text.includes('another-password-2') || text.includes(INSTALLER_PASSWORD));
  // Kept across restarts: it reaches flash with the state's next write (here, the one at shutdown).
  await t.built.flusher.flush('shutdown');
  const stored = await t.store.read(AUDIT_FILE);
  assert.is(stored!.entries.length, entries.length);
  for (let i = 0; i < 250; i++) await t.audit.record('installer', `event ${i}`);
  assert.is(t.audit.entries().length, 200);
});

security('after a LAN address change the new address is served and the old one is not', () => {
  let lan = ['192.168.1.1'];
  let now = 0;
  const allowed = hostAllowList({
    listen: [{ host: '192.168.1.1', port: 80 }],
    config: () => ({ daemon: { hostname: ['modem.lan'] } }) as never,
    lanAddresses: () => lan,
    now: () => now,
  });
  assert.ok(allowed().has('192.168.1.1'));
  lan = ['192.168.8.1'];
  now += 6000;
  assert.ok(allowed().has('192.168.8.1'));
  assert.ok(allowed().has('modem.lan'));
});

const hostile: unknown[] = [
  null, 42, 'text', [], [1, 2], true, {}, { password: 1 }, { password: null }, { password: ['a'] }, { password: { $gt: '' } },
  JSON.parse('{"__proto__": {"role": "installer"}, "password": "x"}'), { constructor: { prototype: { admin: true } } },
  { bytes: '512M' }, { bytes: 1e300 }, { bytes: -1 }, { bytes: NaN }, { cap: 'Infinity' },
];
/** `{"a":{"a":...1...}}`, written as text: deeper than any parser should be asked to go. */
const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

security('every JSON endpoint answers hostile bodies with a 4xx and a message, stays up, and changes nothing', async () => {
  const t = await testApp();
  const installer = await t.signIn(INSTALLER_PASSWORD);
  const before = { plan: JSON.stringify(t.config().plan), ledger: JSON.stringify(t.sampler.ledger()) };
  const endpoints = Object.keys(ACCESS).filter((k) => /^(POST|PUT) /.test(k) && !k.endsWith('/api/session') && !k.endsWith('/api/password'));
  assert.ok(endpoints.length >= 4);
  const bodies: string[] = [...hostile.map((b) => JSON.stringify(b)), deep(100), deep(100_000), `[${'['.repeat(50_000)}`, `{"password":"${'x'.repeat(2_000_000)}"}`, '{"a":', '\u0000', ''];
  let seed = 3;
  for (let i = 0; i < 40; i++) {
    const bytes = Array.from({ length: 1 + (i % 17) * 7 }, () => ((seed = (seed * 48271) % 2147483647) % 256));
    bodies.push(Buffer.from(bytes).toString('latin1'));
  }
  for (const key of endpoints) {
    const [method, path] = key.split(' ') as [string, string];
    for (const body of bodies) {
      const res = await t.app.request(path, {
        method,
        headers: { host: HOST, origin: `http://${HOST}`, 'content-type': 'application/json', cookie: installer.cookie, 'x-csrf-token': installer.csrf },
        body,
      });
      assert.ok(res.status >= 400 && res.status < 500, `${key} ${body.slice(0, 40)} -> ${res.status}`);
      const answer = (await res.json()) as { error?: string };
      assert.type(answer.error, 'string');
      assert.ok(answer.error!.length > 3);
    }
  }
  assert.is(JSON.stringify(t.config().plan), before.plan);
  assert.is(JSON.stringify(t.sampler.ledger()), before.ledger);
  assert.is(({} as Record<string, unknown>).role, undefined, 'no prototype pollution');
  assert.is((await t.request('/healthz')).status, 200);
});

security.run();
