// Modem faults on the BUILT daemon (dist/daemon.mjs with the simulator bundle
// dist/sim.mjs): each fault answers its documented status, set through the
// simulator's control file as a demo or test would.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { signInCustomer, startDaemonProcess, type DaemonProcess } from '../../build/daemon-process.ts';

const faults = suite('modem faults on the built daemon');

type Json = Record<string, any>;

async function signIn(daemon: DaemonProcess, password: string) {
  const res = await fetch(`${daemon.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: daemon.url }, body: JSON.stringify({ password }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** Tells the simulated modem to fail as `fault` (null: work), and waits until the simulator has read it. */
async function setFault(daemon: DaemonProcess, fault: string | null) {
  mkdirSync(join(daemon.stateDir, 'sim'), { recursive: true });
  writeFileSync(join(daemon.stateDir, 'sim', 'control.json'), JSON.stringify({ modemFault: fault }));
  const want = `sim: control ${JSON.stringify({ modemFault: fault })}`;
  const seen = daemon.output().split(want).length - 1;
  const deadline = Date.now() + 10_000;
  // The control file is read before the next modem action or status read (at most every 200 ms).
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    await fetch(`${daemon.url}/healthz`);
    if (daemon.output().split(want).length - 1 > seen) return;
  }
  throw new Error(`the simulator did not read the fault ${fault}`);
}

let daemon: DaemonProcess;
let installer: { cookie: string; csrfToken: string };
let customer: { cookie: string; csrfToken: string };

faults.before(async () => {
  daemon = await startDaemonProcess();
  customer = await signInCustomer(daemon);
  installer = await signIn(daemon, daemon.installerPassword!);
});
faults.after(async () => daemon.dispose());

/** A request; a 429 (asked too often) is retried once after its Retry-After, as a client that honours it does: the control file takes effect within 200 ms now, sooner than the modem limits let a new request through. */
async function call(who: { cookie: string; csrfToken: string }, method: string, path: string, body?: unknown): Promise<Response> {
  const send = () =>
    fetch(`${daemon.url}${path}`, {
      method,
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, origin: daemon.url, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const first = await send();
  if (first.status !== 429) return first;
  await new Promise((r) => setTimeout(r, Number(first.headers.get('retry-after')) * 1000 + 100));
  return send();
}

faults('no SIM and no modem answer 503 with their code, not 500', async () => {
  for (const fault of ['no-sim', 'no-modem']) {
    await setFault(daemon, fault);
    const sms = await call(installer, 'GET', '/api/sms');
    assert.is(sms.status, 503, fault);
    assert.is(((await sms.json()) as Json).code, fault);
    const ussd = await call(installer, 'POST', '/api/ussd', { code: '*101#' });
    assert.is(ussd.status, 503, fault);
    assert.is(((await ussd.json()) as Json).code, fault);
  }
});

faults('a USSD timeout answers 504 and a network error 502', async () => {
  await setFault(daemon, 'ussd-timeout');
  const timedOut = await call(installer, 'POST', '/api/ussd', { code: '*101#' });
  assert.is(timedOut.status, 504);
  assert.is(((await timedOut.json()) as Json).code, 'timeout');
  await setFault(daemon, 'network-error');
  const failed = await call(installer, 'POST', '/api/ussd', { code: '*101#' });
  assert.is(failed.status, 502);
  assert.is(((await failed.json()) as Json).code, 'network');
});

faults('a failed balance check answers 200 with the fault in result.error', async () => {
  await setFault(daemon, 'no-sim');
  const res = await call(customer, 'POST', '/api/balance/check', { check: true });
  assert.is(res.status, 200);
  const body = (await res.json()) as Json;
  assert.is(body.result.error.code, 'no-sim');
  assert.not.match(daemon.output(), /error: POST \/api\/balance\/check/, 'no internal error was logged');
});

faults.run();
