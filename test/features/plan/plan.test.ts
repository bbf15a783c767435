import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CUSTOMER_PASSWORD, INSTALLER_PASSWORD, testApp } from '../../helpers/app.ts';

const plan = suite('plan, top-ups and enforcement routes');
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

type PlanBody = Record<string, unknown>;

async function currentPlan(t: Awaited<ReturnType<typeof testApp>>, s: { cookie: string }) {
  return (await (await t.request('/api/plan', { cookie: s.cookie })).json()) as PlanBody;
}

plan('customers read the plan; only installers change it', async () => {
  const t = await testApp();
  const customer = await t.signIn(CUSTOMER_PASSWORD);
  const body = await currentPlan(t, customer);
  assert.is(body.cap, 20 * GiB);
  assert.is(body.policy, 'throttle');
  const denied = await t.request('/api/plan', { method: 'PUT', cookie: customer.cookie, csrf: customer.csrf, body: { ...body, cap: 200 * GiB } });
  assert.is(denied.status, 403);
  assert.is((await currentPlan(t, customer)).cap, 20 * GiB);
});

plan('an installer changes the plan: stored in UCI and in force at once', async () => {
  const t = await testApp();
  const installer = await t.signIn(INSTALLER_PASSWORD);
  const body = await currentPlan(t, installer);
  const flashedBefore = t.flashWrites.filter((n) => n === 'usage').length;
  const res = await t.request('/api/plan', {
    method: 'PUT',
    cookie: installer.cookie,
    csrf: installer.csrf,
    body: { ...body, cap: 30 * GiB, policy: 'block', alertPercent: [75, 100], topupSizes: [20 * GiB], cycleDay: 'last' },
  });
  assert.is(res.status, 200);
  const saved = (await t.uci.show('modem-admin')).sections.find((s) => s.name === 'plan')!.options;
  assert.is(saved.cap, '30GiB', 'written in the family of the shipped 20G cap');
  assert.is(saved.policy, 'block');
  assert.is(saved.cycle_day, 'last');
  assert.equal(saved.alert_percent, ['75', '100']);
  assert.is(t.config().plan.policy, 'block');
  assert.is(t.flashWrites.filter((n) => n === 'usage').length, flashedBefore + 1, 'a policy change goes to flash at once');
});

plan('a plan written in GB is shown and stored in GB; one in GiB in GiB', async () => {
  const t = await testApp({ config: `config plan 'plan'\n\toption cap '20GB'\n\tlist topup_size '500MB'\n` });
  const installer = await t.signIn(INSTALLER_PASSWORD);
  const body = await currentPlan(t, installer);
  assert.is(body.cap, 20 * 1000 ** 3);
  assert.is(body.units, 'GB');
  const status = (await (await t.request('/api/status', { cookie: installer.cookie })).json()) as { plan: { units: string }; usage: { allowance: number } };
  assert.is(status.plan.units, 'GB');
  assert.is(status.usage.allowance, 20 * 1000 ** 3);
  // A form that does not send units keeps the plan's family.
  const { units: _, ...withoutUnits } = body;
  const res = await t.request('/api/plan', { method: 'PUT', cookie: installer.cookie, csrf: installer.csrf, body: { ...withoutUnits, cap: 30 * 1000 ** 3 } });
  assert.is(res.status, 200, await res.text());
  const saved = () => (t.uci.show('modem-admin')).then((p) => p.sections.find((s) => s.name === 'plan')!.options);
  assert.is((await saved()).cap, '30GB');
  assert.equal((await saved()).topup_size, ['500MB']);
  // Changing the family rewrites the sizes in it.
  const binary = await t.request('/api/plan', { method: 'PUT', cookie: installer.cookie, csrf: installer.csrf, body: { ...body, cap: 20 * GiB, topupSizes: [512 * MiB], units: 'GiB' } });
  assert.is(binary.status, 200);
  assert.is((await saved()).cap, '20GiB');
  assert.is(((await binary.json()) as PlanBody).units, 'GiB');
  const bad = await t.request('/api/plan', { method: 'PUT', cookie: installer.cookie, csrf: installer.csrf, body: { ...body, units: 'GiGo' } });
  assert.is(bad.status, 400);
  assert.match(await bad.text(), /units must be GB or GiB/);
});

plan('bad plan input gets 400 naming every problem and leaves the plan unchanged', async () => {
  const t = await testApp();
  const installer = await t.signIn(INSTALLER_PASSWORD);
  const before = await currentPlan(t, installer);
  const cases: [PlanBody, RegExp][] = [
    [{ ...before, cap: -1 }, /the cap must be at least 1/],
    [{ ...before, cycleDay: 32 }, /cycle day/],
    [{ ...before, policy: 'free' }, /policy must be/],
    [{ ...before, timezone: 'Mars/Olympus' }, /timezone: must be an IANA time zone/],
    [{ ...before, alertPercent: [80, 80] }, /alert thresholds must differ/],
    [{ ...before, throttleDownKbit: 1.5 }, /whole number/],
    [{ ...before, extra: 1 }, /extra/],
    [{ cap: 1 }, /cycle/],
  ];
  for (const [body, message] of cases) {
    const res = await t.request('/api/plan', { method: 'PUT', cookie: installer.cookie, csrf: installer.csrf, body });
    assert.is(res.status, 400, JSON.stringify(body));
    assert.match(((await res.json()) as { error: string }).error, message);
  }
  assert.equal(await currentPlan(t, installer), before);
});

plan('crossing the cap throttles the line within one tick; a top-up lifts it within one tick', async () => {
  const t = await testApp({ config: `config plan 'plan'\n\toption cap '20M'\n\tlist topup_size '512M'\n` });
  const installer = await t.signIn(INSTALLER_PASSWORD);
  while (t.runtime.usage().used < 20 * MiB) {
    t.advance(1000);
    await t.runtime.tick();
  }
  assert.equal(t.device.shaper, { downKbit: 64, upKbit: 64 });
  const status = (await (await t.request('/api/status', { cookie: installer.cookie })).json()) as { usage: { state: string; overCap: boolean } };
  assert.is(status.usage.state, 'throttled');
  assert.ok(status.usage.overCap);
  const flashedBefore = t.flashWrites.filter((n) => n === 'usage').length;
  const res = await t.request('/api/topups', { method: 'POST', cookie: installer.cookie, csrf: installer.csrf, body: { bytes: 512 * MiB } });
  assert.is(res.status, 201);
  assert.is(t.device.shaper, null, 'the top-up lifted the throttle at once');
  assert.is(t.flashWrites.filter((n) => n === 'usage').length, flashedBefore + 1, 'a top-up goes to flash at once');
});

plan('a customer cannot add a top-up or lift a throttle; odd sizes are refused', async () => {
  const t = await testApp({ config: `config plan 'plan'\n\toption cap '1M'\n` });
  t.advance(2000);
  await t.runtime.tick();
  assert.ok(t.device.shaper, 'throttled');
  const customer = await t.signIn(CUSTOMER_PASSWORD);
  const res = await t.request('/api/topups', { method: 'POST', cookie: customer.cookie, csrf: customer.csrf, body: { bytes: 512 * MiB } });
  assert.is(res.status, 403);
  const put = await t.request('/api/plan', { method: 'PUT', cookie: customer.cookie, csrf: customer.csrf, body: { policy: 'alert' } });
  assert.is(put.status, 403);
  const installer = await t.signIn(INSTALLER_PASSWORD);
  const odd = await t.request('/api/topups', { method: 'POST', cookie: installer.cookie, csrf: installer.csrf, body: { bytes: 123 } });
  assert.is(odd.status, 400);
  assert.ok(t.device.shaper, 'still throttled');
});

plan('the block policy stops forwarding at the cap; alert-only never restricts the line', async () => {
  const blocked = await testApp({ config: `config plan 'plan'\n\toption cap '1M'\n\toption policy 'block'\n` });
  blocked.advance(2000);
  await blocked.runtime.tick();
  assert.ok(blocked.device.blocked);
  assert.is(blocked.device.shaper, null);
  const alert = await testApp({ config: `config plan 'plan'\n\toption cap '1M'\n\toption policy 'alert'\n` });
  alert.advance(2000);
  await alert.runtime.tick();
  assert.not.ok(alert.device.blocked);
  assert.is(alert.device.shaper, null);
  const s = await alert.signIn(CUSTOMER_PASSWORD);
  const status = (await (await alert.request('/api/status', { cookie: s.cookie })).json()) as { notices: { code: string; params: { percent: number } }[] };
  assert.equal(
    status.notices.filter((n) => n.code === 'usage-alert').map((n) => n.params.percent),
    [50, 80, 90, 100],
  );
});

plan('alert thresholds are raised once per cycle', async () => {
  const t = await testApp({ config: `config plan 'plan'\n\toption cap '10M'\n\tlist alert_percent '50'\n` });
  for (let i = 0; i < 20; i++) {
    t.advance(1000);
    await t.runtime.tick();
  }
  assert.equal(t.sampler.ledger().alerts, [50]);
  assert.is(t.logs.filter((l) => l.includes('50% of the allowance')).length, 1);
});

plan('usage: daily series, per device, forecast, and the installer correction kept with who and when', async () => {
  const t = await testApp();
  for (let i = 0; i < 5; i++) {
    t.advance(1000);
    await t.runtime.tick();
  }
  const customer = await t.signIn(CUSTOMER_PASSWORD);
  const usage = (await (await t.request('/api/usage', { cookie: customer.cookie })).json()) as {
    total: number;
    daily: { date: string; down: number; up: number }[];
    devices: { key: string; down: number }[];
    forecast: { averagePerDay: number; perDayLeft: number };
  };
  assert.ok(usage.total > 0);
  assert.is(usage.daily.reduce((s, d) => s + d.down + d.up, 0), usage.total);
  assert.is(usage.devices.length, t.device.clients.length);
  assert.ok(Number.isInteger(usage.devices[0]!.down));
  assert.ok(usage.forecast.averagePerDay > 0);
  const denied = await t.request('/api/usage/correction', { method: 'POST', cookie: customer.cookie, csrf: customer.csrf, body: { operatorBytes: 5 * GiB } });
  assert.is(denied.status, 403);
  const installer = await t.signIn(INSTALLER_PASSWORD);
  const ok = await t.request('/api/usage/correction', { method: 'POST', cookie: installer.cookie, csrf: installer.csrf, body: { operatorBytes: 5 * GiB } });
  assert.is(ok.status, 200);
  const after = (await (await t.request('/api/usage', { cookie: installer.cookie })).json()) as { total: number; corrections: { by: string; at: string; operatorBytes: number }[] };
  assert.is(after.total, 5 * GiB);
  assert.is(after.corrections[0]!.by, 'installer');
  assert.is(after.corrections[0]!.at, new Date(t.clock.now()).toISOString());
});

plan('with flow offloading on, installers get a blocking warning and the status claims no throttle', async () => {
  const t = await testApp({ config: `config plan 'plan'\n\toption cap '1M'\n` });
  await t.uci.batch('firewall', [
    { op: 'set', path: 'firewall.@defaults[0].flow_offloading', value: '1' },
    { op: 'set', path: 'firewall.@defaults[0].flow_offloading_hw', value: '1' },
  ]);
  t.advance(61_000);
  await t.runtime.tick();
  const installer = await t.signIn(INSTALLER_PASSWORD);
  const seen = (await (await t.request('/api/status', { cookie: installer.cookie })).json()) as { usage: { state: string }; notices: { code: string; level: string; params: { kind: string } }[] };
  const warning = seen.notices.find((n) => n.code === 'offload-bypass');
  assert.ok(warning);
  assert.is(warning!.level, 'blocking');
  assert.is(warning!.params.kind, 'hardware');
  assert.is.not(seen.usage.state, 'throttled');
  const customer = await t.signIn(CUSTOMER_PASSWORD);
  const theirs = (await (await t.request('/api/status', { cookie: customer.cookie })).json()) as { notices: { code: string }[] };
  assert.not.ok(theirs.notices.some((n) => n.code === 'offload-bypass'), 'customers do not see installer notices');
});

plan.run();
