// Sign-in under attack, against the built daemon (dist/daemon.mjs): parallel
// guessing from one client, a flood from many, session floods, and the first
// visit before the customer's setup.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startDaemonProcess, type DaemonProcess } from '../../build/daemon-process.ts';
import { rssBytes, send, tally, type Reply } from '../helpers/loopback-client.ts';

const test = suite('sign-in under attack (built daemon)');
const MiB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Tries a client has before its first wait (auth/login-throttle.ts). */
const FREE_TRIES = 4;
/** The waits after the free tries are 1 s, 2 s, 4 s...: how many of them end within `ms`. */
const backoffsOver = (ms: number) => Math.floor(Math.log2(ms / 1000 + 1));
/** Node with the heap limits the init script gives it on the router. */
const ROUTER_NODE = [process.execPath, '--max-old-space-size=48', '--max-semi-space-size=2'];
const start = () => startDaemonProcess({ command: ROUTER_NODE });

async function setUp(daemon: DaemonProcess, password = 'customer-password-1') {
  const res = await send(daemon.url, '/api/setup', { method: 'POST', body: { secret: daemon.secret, password } });
  assert.is(res.status, 200, res.body);
}

test('a hundred wrong passwords sent at once from one client get at most the free tries checked', async () => {
  const daemon = await start();
  try {
    await setUp(daemon);
    const t0 = performance.now();
    // Over 64 connections from one address the daemon closes some (connection-limits.ts): a
    // closed connection (status 0 here) is refused too, and checks no password.
    const closed: Reply = { status: 0, headers: {}, body: '' };
    const replies = await Promise.all(
      Array.from({ length: 100 }, () => send(daemon.url, '/api/session', { method: 'POST', body: { password: 'not-the-password' } }).catch(() => closed)),
    );
    const counts = tally(replies);
    const allowed = FREE_TRIES + backoffsOver(performance.now() - t0);
    assert.ok((counts[401] ?? 0) <= allowed, `at most the ${FREE_TRIES} free tries (+ waits that ended) are checked: ${JSON.stringify(counts)}`);
    assert.is((counts[401] ?? 0) + (counts[429] ?? 0) + (counts[503] ?? 0) + (counts[0] ?? 0), 100, JSON.stringify(counts));
    assert.ok((counts[429] ?? 0) + (counts[503] ?? 0) > 0, `most are answered with a wait: ${JSON.stringify(counts)}`);
    for (const r of replies.filter((r) => r.status === 429 || r.status === 503)) assert.ok(Number(r.headers['retry-after']) >= 1, 'Retry-After');
    const failures = (daemon.output().match(/sign-in failed from/g) ?? []).length;
    assert.ok(failures <= allowed, `${failures} failures checked`);
  } finally {
    await daemon.dispose();
  }
});

test('a flood of sign-ins from many clients hashes one at a time: memory stays near idle, the page and the state journal keep going', async () => {
  const daemon = await start();
  try {
    await setUp(daemon);
    await sleep(1500);
    const idle = rssBytes(daemon.pid);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(daemon.pid))), 20);
    const journal = () => Math.max(...['a', 'b'].map((s) => join(daemon.stateDir, 'ram', `usage.${s}.json`)).filter(existsSync).map((f) => statSync(f).mtimeMs));
    const journalBefore = journal();
    // 60 clients (127.0.1.1 ... 127.0.1.60), 5 tries each, all at once.
    const flood: Promise<Reply>[] = [];
    for (let round = 0; round < 5; round++) {
      for (let i = 1; i <= 60; i++) flood.push(send(daemon.url, '/api/session', { method: 'POST', from: `127.0.1.${i}`, body: { password: `guess-${round}-${i}` } }));
    }
    // While the flood runs: health, the page and the journal.
    await sleep(300);
    // Three looks at /healthz (the median counts: the machine running the tests is shared).
    const healthMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      assert.is((await send(daemon.url, '/healthz', { from: '127.0.2.1' })).status, 200);
      healthMs.push(performance.now() - t0);
    }
    const page = await send(daemon.url, '/', { from: '127.0.2.1' });
    await sleep(2500);
    const journalDuring = journal();
    const replies = await Promise.all(flood);
    clearInterval(sampler);
    const counts = tally(replies);
    assert.equal(Object.keys(counts).filter((s) => !['401', '429', '503'].includes(s)), [], JSON.stringify(counts));
    assert.ok((counts[503] ?? 0) > 0, `a full hash queue answers 503 at once: ${JSON.stringify(counts)}`);
    for (const r of replies.filter((r) => r.status === 503)) assert.is(r.headers['retry-after'], '1');
    // One hash at a time: one scrypt's 16 MiB and the connections' buffers (about 25 MiB on a
    // loaded machine; npm run bench gives the figure). Two hashes at once would pass 32 MiB.
    assert.ok(peak - idle <= 32 * MiB, `RSS grew ${((peak - idle) / MiB).toFixed(1)} MiB over idle`);
    const median = healthMs.sort((x, y) => x - y)[1]!;
    assert.ok(median < 2000, `/healthz took ${healthMs.map((ms) => ms.toFixed(0)).join(', ')} ms during the flood`);
    assert.is(page.status, 200);
    assert.ok(journalDuring > journalBefore, 'the RAM journal was written during the flood');
  } finally {
    await daemon.dispose();
  }
});

test('seventy customer sign-ins do not end the installer session', async () => {
  const daemon = await start();
  try {
    await setUp(daemon);
    const installer = await send(daemon.url, '/api/session', { method: 'POST', body: { password: daemon.installerPassword } });
    assert.is(installer.status, 200);
    const cookie = String(installer.headers['set-cookie']).split(';')[0]!;
    const customers: string[] = [];
    for (let i = 0; i < 70; i++) {
      const res = await send(daemon.url, '/api/session', { method: 'POST', body: { password: 'customer-password-1' } });
      assert.is(res.status, 200);
      customers.push(String(res.headers['set-cookie']).split(';')[0]!);
    }
    const me = await send(daemon.url, '/api/session', { headers: { cookie } });
    assert.is(JSON.parse(me.body).role, 'installer', 'the installer is still signed in');
    const newest = await send(daemon.url, '/api/session', { headers: { cookie: customers.at(-1)! } });
    assert.is(JSON.parse(newest.body).role, 'customer');
    const oldest = await send(daemon.url, '/api/session', { headers: { cookie: customers[0]! } });
    assert.is(JSON.parse(oldest.body).role, null, 'the oldest customer session made room');
  } finally {
    await daemon.dispose();
  }
});

test('before first-boot setup the installer signs in and works; the customer setup stays pending for the label secret', async () => {
  const daemon = await start();
  try {
    assert.ok(daemon.secret);
    const res = await send(daemon.url, '/api/session', { method: 'POST', body: { password: daemon.installerPassword } });
    assert.is(res.status, 200, res.body);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const csrf = JSON.parse(res.body).csrfToken as string;
    assert.is((await send(daemon.url, '/api/status', { headers: { cookie } })).status, 200);
    assert.is((await send(daemon.url, '/api/plan', { headers: { cookie } })).status, 200);
    const state = JSON.parse((await send(daemon.url, '/api/session', { headers: { cookie } })).body);
    assert.equal([state.role, state.setupRequired], ['installer', true]);
    // The installer cannot choose the customer's password in place of the setup.
    const change = await send(daemon.url, '/api/password', { method: 'POST', headers: { cookie, 'x-csrf-token': csrf }, body: { password: 'chosen-by-installer' } });
    assert.is(change.status, 409);
    // Anyone else still sees "setup required"; the label secret still works.
    const customer = await send(daemon.url, '/api/session', { method: 'POST', from: '127.0.3.1', body: { password: 'anything-at-all' } });
    assert.is(customer.status, 409);
    assert.is((await send(daemon.url, '/api/status', { from: '127.0.3.1' })).status, 409);
    await setUp(daemon);
  } finally {
    await daemon.dispose();
  }
});

test('the label-secret form has the sign-in throttle: parallel guesses get at most the free tries', async () => {
  const daemon = await start();
  try {
    const t0 = performance.now();
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => send(daemon.url, '/api/setup', { method: 'POST', body: { secret: `WRONG${i}`, password: 'customer-password-1' } })));
    const counts = tally(replies);
    assert.ok((counts[422] ?? 0) <= FREE_TRIES + backoffsOver(performance.now() - t0), JSON.stringify(counts));
    assert.is((counts[422] ?? 0) + (counts[429] ?? 0), 50, JSON.stringify(counts));
  } finally {
    await daemon.dispose();
  }
});

test('HEAD on the event streams answers without subscribing: memory stays flat and the modem is not read more', async () => {
  const daemon = await start();
  try {
    await setUp(daemon);
    const signIn = await send(daemon.url, '/api/session', { method: 'POST', body: { password: daemon.installerPassword } });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const reads = () => Number(readFileSync(join(daemon.stateDir, 'sim', 'modem-reads'), 'utf8'));
    const head = (path: string) => send(daemon.url, path, { method: 'HEAD', headers: { cookie } });
    const first = await head('/api/events');
    assert.is(first.status, 200);
    assert.match(String(first.headers['content-type']), /text\/event-stream/);
    const heads = async (count: number) => {
      for (let batch = 0; batch < count / 50; batch++) await Promise.all(Array.from({ length: 50 }, (_, i) => head(i % 2 ? '/api/events' : '/api/signal/events')));
    };
    // The first thousand warm the heap up; the next ten thousand must not grow it (a subscription
    // per HEAD grew it about 3 KB each, until the heap limit: 30 MB here, above the noise of RSS).
    await heads(1000);
    const before = rssBytes(daemon.pid);
    await heads(10_000);
    const readsAfterFlood = reads();
    await sleep(6000);
    // Without a signal meter open the modem is read every 5 s, not every 1 s tick.
    assert.ok(reads() - readsAfterFlood <= 3, `${reads() - readsAfterFlood} modem reads in 6 s`);
    const after = rssBytes(daemon.pid);
    assert.ok(after - before < 16 * MiB, `RSS grew ${((after - before) / MiB).toFixed(1)} MiB over 10,000 HEADs`);
  } finally {
    await daemon.dispose();
  }
});

test.run();
