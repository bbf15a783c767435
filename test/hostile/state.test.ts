// Damaged, unreadable and read-only state, and parallel changes, against the
// built daemon (dist/daemon.mjs): it must start, say what it did, keep counting
// and lose nothing it answered 2xx for.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { signInCustomer, startDaemonProcess, type DaemonProcess } from '../../build/daemon-process.ts';
import { missing } from '../helpers/requires.ts';
import { send, tally } from '../helpers/loopback-client.ts';

const test = suite('damaged and broken state (built daemon)');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ROUTER_NODE = [process.execPath, '--max-old-space-size=48', '--max-semi-space-size=2'];

type Envelope = { version: number; seq: number; sha256: string; data: { seq: number; data: { ledger: { total: { down: number } } } } };

/** The newest generation of `name` in `dir`, as stored. */
function newest(dir: string, name: string): Envelope {
  const slots = ['a', 'b'].map((s) => join(dir, `${name}.${s}.json`)).filter(existsSync);
  return slots.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Envelope).sort((x, y) => y.seq - x.seq)[0]!;
}
const slotOf = (dir: string, name: string, seq: number) => ['a', 'b'].find((s) => existsSync(join(dir, `${name}.${s}.json`)) && JSON.parse(readFileSync(join(dir, `${name}.${s}.json`), 'utf8')).seq === seq)!;

/** The same file with other data and a checksum that matches it. */
function reseal(file: string, change: (data: any) => void): void {
  const envelope = JSON.parse(readFileSync(file, 'utf8'));
  change(envelope.data);
  envelope.sha256 = createHash('sha256').update(JSON.stringify(envelope.data)).digest('hex');
  writeFileSync(file, JSON.stringify(envelope));
}

/** A state dir with two flash generations of usage (two runs ended by SIGTERM), and no RAM journal (a reboot). */
async function twoGenerations(): Promise<{ stateDir: string; older: number; newer: number }> {
  const stateDir = mkdtempSync(join(tmpdir(), 'modem-admin-state-'));
  for (let run = 0; run < 2; run++) {
    const daemon = await startDaemonProcess({ stateDir });
    await sleep(1500);
    await daemon.stop();
  }
  rmSync(join(stateDir, 'ram'), { recursive: true, force: true });
  const n = newest(stateDir, 'usage');
  const other = slotOf(stateDir, 'usage', n.seq) === 'a' ? 'b' : 'a';
  const older = (JSON.parse(readFileSync(join(stateDir, `usage.${other}.json`), 'utf8')) as Envelope).data.data.ledger.total.down;
  return { stateDir, older, newer: n.data.data.ledger.total.down };
}

async function usageDown(daemon: DaemonProcess): Promise<number> {
  const s = await signInCustomer(daemon);
  const res = await fetch(`${daemon.url}/api/usage`, { headers: { cookie: s.cookie } });
  return ((await res.json()) as { down: number }).down;
}

for (const [what, damage] of [
  ['a huge newest generation (60 MB) is not read: the daemon starts on the other', (f: string) => truncateSync(f, 60 * 1024 * 1024)],
  ['a newest generation with a valid checksum but "ledger": null falls back to the other', (f: string) => reseal(f, (d) => (d.data.ledger = null))],
  ['a newest generation that cannot be read (not ENOENT) falls back to the other', (f: string) => (rmSync(f), mkdirSync(f))],
] as const) {
  test(what, async () => {
    const { stateDir, older, newer } = await twoGenerations();
    assert.ok(newer > older, 'the two generations differ');
    const slot = slotOf(stateDir, 'usage', newest(stateDir, 'usage').seq);
    damage(join(stateDir, `usage.${slot}.json`));
    const daemon = await startDaemonProcess({ stateDir, command: ROUTER_NODE });
    try {
      assert.match(daemon.output(), new RegExp(`usage\\.${slot}\\.json: .*using the other generation`));
      const down = await usageDown(daemon);
      assert.ok(down >= older, `carried on from the older generation: ${down} >= ${older}`);
    } finally {
      await daemon.dispose();
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
}

test('both generations damaged: the daemon starts, says so once, and moves them aside for inspection', async () => {
  const { stateDir } = await twoGenerations();
  truncateSync(join(stateDir, 'usage.a.json'), 10);
  reseal(join(stateDir, 'usage.b.json'), (d) => (d.data = 'nonsense'));
  const b = readFileSync(join(stateDir, 'usage.b.json'), 'utf8');
  const daemon = await startDaemonProcess({ stateDir });
  try {
    const lines = daemon.output().split('\n').filter((l) => l.includes('usage: no good generation'));
    assert.is(lines.length, 1, daemon.output());
    assert.match(lines[0]!, /moved aside/);
    assert.is(readFileSync(join(stateDir, 'usage.b.json.damaged'), 'utf8'), b, 'kept as it was');
    assert.ok(existsSync(join(stateDir, 'usage.a.json.damaged')));
    assert.is((await fetch(`${daemon.url}/healthz`)).status, 200);
  } finally {
    await daemon.dispose();
    rmSync(stateDir, { recursive: true, force: true });
  }
});

test('parallel changes of every kind all answer 2xx/4xx and are all kept', async () => {
  const daemon = await startDaemonProcess();
  try {
    await signInCustomer(daemon);
    const signIn = await send(daemon.url, '/api/session', { method: 'POST', body: { password: daemon.installerPassword } });
    const headers = { cookie: String(signIn.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': JSON.parse(signIn.body).csrfToken as string };
    const plan = JSON.parse((await send(daemon.url, '/api/plan', { headers })).body);
    const macs = Array.from({ length: 10 }, (_, i) => `02:00:00:00:00:${String(i).padStart(2, '0')}`);
    const wifi = JSON.parse((await send(daemon.url, '/api/wifi', { headers })).body);
    const changes = [
      ...Array.from({ length: 10 }, (_, i) => send(daemon.url, '/api/usage/correction', { method: 'POST', headers, body: { operatorBytes: 1_000_000 * (i + 1) } })),
      ...macs.map((mac) => send(daemon.url, `/api/clients/${mac}/block`, { method: 'POST', headers, body: {} })),
      ...Array.from({ length: 5 }, () => send(daemon.url, '/api/topups', { method: 'POST', headers, body: { bytes: plan.topupSizes[0] } })),
      ...Array.from({ length: 5 }, (_, i) => send(daemon.url, '/api/plan', { method: 'PUT', headers, body: { ...plan, throttleDownKbit: 100 + i } })),
      ...Array.from({ length: 3 }, (_, i) => send(daemon.url, '/api/wifi', { method: 'PUT', headers, body: { networks: 'all', ssid: `${wifi.networks[0].ssid}-${i}`, key: 'a-good-wifi-key', security: wifi.networks[0].security } })),
    ];
    const replies = await Promise.all(changes);
    const counts = tally(replies);
    assert.equal(Object.keys(counts).filter((s) => Number(s) >= 500), [], `${JSON.stringify(counts)}\n${replies.filter((r) => r.status >= 500).map((r) => r.body).join('\n')}`);
    assert.ok(replies.every((r) => r.status < 300), `${JSON.stringify(counts)}\n${replies.filter((r) => r.status >= 300).map((r) => r.body).join('\n')}`);
    const usage = JSON.parse((await send(daemon.url, '/api/usage', { headers })).body);
    assert.is(usage.topups.length, 5);
    assert.is(usage.corrections.length, 10);
    assert.is(await daemon.stop(), 0);
    const blocked = newest(daemon.stateDir, 'blocked-clients').data as unknown as string[];
    assert.equal([...blocked].sort(), macs, 'every block is kept');
    const stored = newest(daemon.stateDir, 'usage').data.data.ledger as unknown as { topups: unknown[]; corrections: unknown[] };
    assert.equal([stored.topups.length, stored.corrections.length], [5, 10], 'on flash after SIGTERM');
  } finally {
    await daemon.dispose();
  }
});

test('a hundred sign-ins cost no flash write: audit entries wait in the RAM journal and reach flash at SIGTERM', async () => {
  const daemon = await startDaemonProcess();
  try {
    await signInCustomer(daemon);
    await sleep(500);
    const flashBefore = existsSync(join(daemon.stateDir, 'audit.a.json')) ? newest(daemon.stateDir, 'audit').seq : 0;
    // Five clients at a time (one hash runs, four wait), 100 sign-ins in all.
    for (let i = 0; i < 100; i += 5) {
      const replies = await Promise.all(Array.from({ length: 5 }, (_, j) => send(daemon.url, '/api/session', { method: 'POST', from: `127.0.4.${j + 1}`, body: { password: 'customer-password-1' } })));
      assert.equal(tally(replies), { 200: 5 });
    }
    const flashAfter = existsSync(join(daemon.stateDir, 'audit.a.json')) ? newest(daemon.stateDir, 'audit').seq : 0;
    assert.ok(flashAfter - flashBefore <= 1, `${flashAfter - flashBefore} flash writes of the audit log`);
    assert.is(await daemon.stop(), 0);
    const ram = newest(join(daemon.stateDir, 'ram'), 'audit').data as unknown as { entries: { event: string }[] };
    assert.is(ram.entries.filter((e) => e.event.startsWith('signed in from 127.0.4.')).length, 100, 'the RAM journal has every sign-in');
    const flash = newest(daemon.stateDir, 'audit').data as unknown as { entries: { event: string }[] };
    assert.equal(flash.entries, ram.entries, 'SIGTERM put them on flash');
  } finally {
    await daemon.dispose();
  }
});

const noMount = missing({ root: true, commands: ['mount', 'umount'] });
if (noMount) console.log(`read-only flash test skipped: ${noMount}`);
(noMount ? test.skip : test)('a read-only flash: the status keeps moving, the failure is logged once and shown to installers, and the state reaches flash when it is writable again', async () => {
  const flash = mkdtempSync(join(tmpdir(), 'modem-admin-flash-'));
  const ram = mkdtempSync(join(tmpdir(), 'modem-admin-ram-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', flash]);
  let daemon: DaemonProcess | null = null;
  try {
    daemon = await startDaemonProcess({ stateDir: flash, args: ['--ram-dir', ram] });
    await signInCustomer(daemon);
    const signIn = await send(daemon.url, '/api/session', { method: 'POST', body: { password: daemon.installerPassword } });
    const headers = { cookie: String(signIn.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': JSON.parse(signIn.body).csrfToken as string };
    const plan = JSON.parse((await send(daemon.url, '/api/plan', { headers })).body);
    execFileSync('mount', ['-o', 'remount,ro', flash]);
    const status = async () => JSON.parse((await send(daemon!.url, '/api/status', { headers })).body) as { usage: { total: number }; notices: { code: string; params: Record<string, unknown> }[] };
    // Two top-ups: each must reach flash now, and cannot.
    for (let i = 0; i < 2; i++) assert.is((await send(daemon.url, '/api/topups', { method: 'POST', headers, body: { bytes: plan.topupSizes[0] } })).status, 201);
    const first = await status();
    await sleep(12_000); // past the first retry
    const later = await status();
    assert.ok(later.usage.total > first.usage.total, 'the status keeps moving');
    const notice = later.notices.find((n) => n.code === 'state-not-saved');
    assert.ok(notice, JSON.stringify(later.notices));
    assert.is(notice!.params.where, 'flash');
    assert.is(notice!.params.reason, 'EROFS');
    assert.ok(Number(notice!.params.failures) >= 2, 'retried');
    assert.is(daemon.output().split('\n').filter((l) => l.includes('cannot write the flash copy')).length, 1, daemon.output());
    const journal = newest(join(ram), 'usage').data.data.ledger as unknown as { topups: unknown[] };
    assert.is(journal.topups.length, 2, 'the RAM journal keeps the count');
    execFileSync('mount', ['-o', 'remount,rw', flash]);
    const until = Date.now() + 30_000;
    while (!/flash copy is written again/.test(daemon.output()) && Date.now() < until) await sleep(200);
    assert.match(daemon.output(), /flash copy is written again/);
    assert.is((newest(flash, 'usage').data.data.ledger as unknown as { topups: unknown[] }).topups.length, 2);
    assert.not.ok((await status()).notices.some((n) => n.code === 'state-not-saved'), 'the notice is gone');
  } finally {
    await daemon?.stop();
    execFileSync('umount', ['-l', flash]);
    rmSync(flash, { recursive: true, force: true });
    rmSync(ram, { recursive: true, force: true });
  }
});

test.run();
