// Our ISPs' plans written with `uci` and taken by SIGHUP on the built daemon, each checked
// against the ISP's own words (../shared/isp-documents, copied facts only):
// - Millenicom (000_77429215ac863265.txt): "20GB of data transfer per month", "service ceases
//   to function once 20GB of data usage is reached", payment "on the first day of each month";
// - Milo Telecom (002_339516d54929f7eb.txt): "Po każdym doładowaniu środki mogą być
//   wykorzystane w ciągu 180 dni" (after each top-up, funds may be used within 180 days);
// - ISP 003 (003_ffc07d49584bc58e.txt): "Your first payment will cover 30 days of service,
//   based on your delivery date", then calendar months; "800GB monthly data transfer limit";
//   "No throttle, ever";
// - Unwired (004_15524e9dad890f32.txt): "throttled to 64/64kbps for the remainder of your
//   billing cycle", top-ups of "512MB or 1024 MB", invoiced "on approximately the same day
//   each month following your commencement".
// Every change takes effect at the reload: the period open then closes into history there.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { defaultConfig, signInCustomer, startDaemonProcess, type DaemonProcess } from '../../build/daemon-process.ts';
import { installerPassword } from '../browser/ui.ts';

const plans = suite('ISP plans through uci and SIGHUP on the built daemon');
const DAY = 86_400_000;
const MiB = 1024 ** 2;

type Status = {
  usage: { cycleStart: string; cycleEnd: string; allowance: number | null; state: string; total: number; validity: { endsAt: string; daysLeft: number; lapsed: boolean } | null };
  plan: { units: string; topupSizes: number[] };
};

let daemon: DaemonProcess;
let uciFile = '';
let customer = { cookie: '', csrfToken: '' };
let installer = { cookie: '', csrfToken: '' };
const shipped = readFileSync(defaultConfig, 'utf8');

/** The shipped config with its plan section replaced by `options` (a UCI text of option lines). */
const withPlan = (options: string) => shipped.replace(/config plan 'plan'\n(\t[^\n]*\n)*/, `config plan 'plan'\n${options.replace(/^\s*/gm, '\t')}\n`);

/** The UTC date `days` from now, YYYY-MM-DD. */
const utcDate = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** An instant's local date and time in `zone`, "YYYY-MM-DD HH:MM". */
const local = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('sv', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

async function status(): Promise<Status> {
  return (await (await fetch(`${daemon.url}/api/status`, { headers: { cookie: customer.cookie } })).json()) as Status;
}

/** Writes the plan into the device's UCI, sends SIGHUP and waits until the daemon says it took it; returns when it was sent. */
async function reload(options: string): Promise<number> {
  const reloads = (daemon.output().match(/reload: changed/g) ?? []).length;
  writeFileSync(uciFile, withPlan(options));
  const sent = Date.now();
  process.kill(daemon.pid, 'SIGHUP');
  for (const end = Date.now() + 5000; (daemon.output().match(/reload: changed/g) ?? []).length === reloads; ) {
    if (Date.now() > end) throw new Error(`the daemon did not take the new plan:\n${daemon.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  // The status is built anew on the next tick.
  await new Promise((r) => setTimeout(r, 300));
  return sent;
}

async function until(check: (s: Status) => boolean, ms: number): Promise<Status> {
  for (const end = Date.now() + ms; ; ) {
    const s = await status();
    if (check(s)) return s;
    if (Date.now() > end) throw new Error(`not so after ${ms} ms: ${JSON.stringify(s.usage)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The period opened at the reload (sent at `sent`), not before it and not in the future. */
function openedAt(s: Status, sent: number) {
  const start = Date.parse(s.usage.cycleStart);
  assert.ok(start >= sent - 1000 && start <= Date.now(), `the period opened at the reload: ${s.usage.cycleStart}, reload at ${new Date(sent).toISOString()}`);
}

plans.before(async () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'modem-admin-isp-'));
  daemon = await startDaemonProcess({ stateDir });
  customer = await signInCustomer(daemon);
  installer = await signInCustomer(daemon, await installerPassword(daemon.output));
  // On the simulated device UCI lives in the state dir (seeded from --config).
  mkdirSync(join(stateDir, 'sim', 'uci'), { recursive: true });
  uciFile = join(stateDir, 'sim', 'uci', 'modem-admin');
});
plans.after(async () => {
  await daemon?.dispose();
});

plans('Millenicom: "20GB" a month from the 1st is 20 * 10^9 bytes, shown in GB, the period ending on the next 1st in Pacific time', async () => {
  const before = await status();
  const sent = await reload(`
    option cycle 'monthly'
    option cycle_day '1'
    option timezone 'America/Los_Angeles'
    option cap '20GB'
    option policy 'block'
    list topup_size '20GB'`);
  const s = await status();
  assert.is(s.plan.units, 'GB');
  assert.is(s.usage.allowance, 20e9);
  assert.equal(s.plan.topupSizes, [20e9], 'an additional block of 20GB');
  openedAt(s, sent);
  const [nowMonth, endLocal] = [local(new Date().toISOString(), 'America/Los_Angeles').slice(5, 7), local(s.usage.cycleEnd, 'America/Los_Angeles')];
  assert.match(endLocal, /^\d{4}-\d\d-01 00:00$/, 'midnight of a 1st, Pacific time');
  assert.is(Number(endLocal.slice(5, 7)), (Number(nowMonth) % 12) + 1, 'the next month\'s 1st');
  const past = (await (await fetch(`${daemon.url}/api/usage/history`, { headers: { cookie: customer.cookie } })).json()) as { cycles: { end: string; total: number }[] };
  assert.is(past.cycles[0]!.end, s.usage.cycleStart, 'the shipped plan\'s period closed at the reload, into history');
  assert.ok(past.cycles[0]!.total >= before.usage.total);
});

plans('ISP 003: the first period covers 30 days from delivery, whole days in the plan\'s zone; "800GB" is 800 * 10^9 bytes', async () => {
  const delivered = utcDate(-10);
  const sent = await reload(`
    option cycle 'calendar'
    option cycle_anchor '${delivered}'
    option cycle_first_days '30'
    option timezone 'UTC'
    option cap '800GB'
    option policy 'alert'`);
  const s = await status();
  openedAt(s, sent);
  assert.is(s.usage.cycleEnd, `${utcDate(20)}T00:00:00.000Z`, '30 days from delivery, 10 days ago');
  assert.is(s.usage.allowance, 800e9);
  assert.is(s.plan.units, 'GB');
});

plans('ISP 003: after the first 30 days, the rest of that month, then whole calendar months', async () => {
  // Delivered 40 days ago: the first 30 days ended 10 days ago; the period now ends with the month.
  await reload(`
    option cycle 'calendar'
    option cycle_anchor '${utcDate(-40)}'
    option cycle_first_days '30'
    option timezone 'UTC'
    option cap '800GB'
    option policy 'alert'`);
  const s = await status();
  const now = new Date();
  const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString();
  assert.is(s.usage.cycleEnd, nextMonth, 'the calendar month\'s end');
  assert.is(s.usage.state, 'normal', 'no throttle, ever');
});

plans('Milo Telecom: funds valid 180 days from the top-up date; when validity has ended the overview says so, and a top-up opens 180 days again', async () => {
  const sent = await reload(`
    option cycle 'prepaid'
    option cycle_days '180'
    option cycle_anchor '${utcDate(0)}'
    option timezone 'UTC'
    option cap '5GB'
    option policy 'block'
    list topup_size '1GB'`);
  const valid = await status();
  openedAt(valid, sent);
  assert.is(valid.usage.cycleEnd, `${utcDate(180)}T00:00:00.000Z`);
  assert.equal(valid.usage.validity, { endsAt: `${utcDate(180)}T00:00:00.000Z`, daysLeft: 180, lapsed: false });

  await reload(`
    option cycle 'prepaid'
    option cycle_days '180'
    option cycle_anchor '${utcDate(-200)}'
    option timezone 'UTC'
    option cap '5GB'
    option policy 'block'
    list topup_size '1GB'`);
  const ended = await until((s) => s.usage.validity?.lapsed === true && s.usage.state === 'blocked', 3000);
  assert.is(ended.usage.validity!.daysLeft, 0);

  const res = await fetch(`${daemon.url}/api/topups`, {
    method: 'POST',
    headers: { cookie: installer.cookie, 'x-csrf-token': installer.csrfToken, 'content-type': 'application/json', origin: daemon.url },
    body: JSON.stringify({ bytes: 1e9 }),
  });
  assert.is(res.status, 201, await res.clone().text());
  const topped = await until((s) => s.usage.validity?.lapsed === false && s.usage.state === 'normal', 3000);
  assert.equal(topped.usage.validity, { endsAt: `${utcDate(180)}T00:00:00.000Z`, daysLeft: 180, lapsed: false }, '180 days from the top-up');
});

plans('Unwired: "512MB or 1024 MB" top-ups in powers of two, throttled at the cap until a top-up, the cycle on the commencement day', async () => {
  await reload(`
    option cycle 'monthly'
    option cycle_day '15'
    option timezone 'Pacific/Fiji'
    option cap '256KiB'
    option policy 'throttle'
    option throttle_down_kbit '64'
    option throttle_up_kbit '64'
    list topup_size '512MiB'
    list topup_size '1024MiB'`);
  // The simulated household downloads about 40 kB/s.
  const s = await until((x) => x.usage.state === 'throttled', 20_000);
  assert.is(s.plan.units, 'GiB');
  assert.equal(s.plan.topupSizes, [512 * MiB, 1024 * MiB]);
  assert.is(s.usage.allowance, 256 * 1024);
  assert.match(local(s.usage.cycleEnd, 'Pacific/Fiji'), /^\d{4}-\d\d-15 00:00$/, 'the 15th, Fiji time');
  assert.ok(Date.parse(s.usage.cycleEnd) - Date.now() <= 31 * DAY);
  const res = await fetch(`${daemon.url}/api/topups`, {
    method: 'POST',
    headers: { cookie: installer.cookie, 'x-csrf-token': installer.csrfToken, 'content-type': 'application/json', origin: daemon.url },
    body: JSON.stringify({ bytes: 512 * MiB }),
  });
  assert.is(res.status, 201, await res.clone().text());
  await until((x) => x.usage.state === 'normal', 1500);
});

plans.run();
