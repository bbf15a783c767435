// The UCI writer (ports/uci/cli.ts, cli-batch.ts) and what writes through it
// (Wi-Fi settings, the plan) against the command-level uci simulator
// (test/helpers/os-sim/uci.ts): random orders of desired states end in the same
// `uci export` as the last state written once. Runs on every npm test, no router.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { planToUci } from '../../device-daemon/src/core/plan-settings.ts';
import type { PlanView } from '../../device-daemon/src/api/index.ts';
import { SEED_WIRELESS } from '../../device-daemon/src/ports/sim/seed-wireless.ts';
import { seededRandom } from '../../device-daemon/src/ports/sim/random.ts';
import { cliUci } from '../../device-daemon/src/ports/uci/cli.ts';
import { uciWireless } from '../../device-daemon/src/ports/wifi/wireless.ts';
import { planWifiChange, type WifiChange } from '../../device-daemon/src/core/wifi-change.ts';
import type { WirelessPort } from '../../device-daemon/src/ports/types.ts';
import { UciSim } from '../helpers/os-sim/uci.ts';
import { readFileSync } from 'node:fs';

const table = suite('UCI writes on the simulated uci');
const DEFAULT_CONFIG = readFileSync(new URL('../../openwrt/files/etc/config/modem-admin', import.meta.url), 'utf8');

function device() {
  const sim = new UciSim({ wireless: SEED_WIRELESS, 'modem-admin': DEFAULT_CONFIG });
  const uci = cliUci(sim);
  return { sim, uci, wifi: uciWireless(uci, async () => {}) };
}

/** Writes `change` to every access point, planned on what the port reads now. */
async function writeAll(wifi: WirelessPort, change: Omit<WifiChange, 'networks'>) {
  const plan = planWifiChange(await wifi.read(), { networks: 'all', ...change });
  if (!plan.ok) throw new Error(plan.message);
  await wifi.write(plan.commands);
}

const WIFI = [
  { ssid: 'Home', key: 'password-1', security: 'psk2' as const, maxClients: null },
  { ssid: 'Dom Kowalskich', key: "it's a key", security: 'sae-mixed' as const, maxClients: 12 },
  { ssid: 'Café 5G', key: 'a'.repeat(63), security: 'sae' as const, maxClients: 250 },
  { ssid: 'Home', key: 'password-2', security: 'psk2' as const },
];

table('any order of Wi-Fi settings ends as the last one written once (30 seeded runs)', async () => {
  for (let seed = 1; seed <= 30; seed++) {
    const random = seededRandom(seed);
    const { sim, wifi } = device();
    let last = WIFI[0]!;
    for (let i = 0; i < 6; i++) {
      last = WIFI[Math.floor(random() * WIFI.length)]!;
      await writeAll(wifi, last);
    }
    const fresh = device();
    // Omitting maxClients keeps the limit in force: write the same limit the sequence left.
    const limit = (await wifi.read())[0]!.maxClients;
    await writeAll(fresh.wifi, { ...last, maxClients: limit });
    assert.is(sim.render('wireless'), fresh.sim.render('wireless'), `seed ${seed}`);
    for (const read of await wifi.read()) assert.equal({ ssid: read.ssid, key: read.key, security: read.security }, { ssid: last.ssid, key: last.key, security: last.security });
  }
});

table('any order of plans ends as the last plan written once (30 seeded runs)', async () => {
  const plans: PlanView[] = [
    { cycle: 'monthly', cycleDay: 1, cycleDays: 30, cycleFirstDays: 0, units: 'GiB', cycleAnchor: null, timezone: 'Europe/Warsaw', cap: 20 * 1024 ** 3, policy: 'throttle', throttleDownKbit: 64, throttleUpKbit: 64, alertPercent: [50, 80, 100], topupSizes: [512 * 1024 ** 2] },
    { cycle: 'calendar', cycleDay: 'last', cycleDays: 30, cycleFirstDays: 30, units: 'GB', cycleAnchor: null, timezone: 'UTC', cap: null, policy: 'alert', throttleDownKbit: 128, throttleUpKbit: 64, alertPercent: [], topupSizes: [1024 ** 3, 2 * 1024 ** 3] },
    { cycle: 'days', cycleDay: 1, cycleDays: 7, cycleFirstDays: 0, units: 'GiB', cycleAnchor: '2026-11-01', timezone: 'Europe/Madrid', cap: 5 * 1024 ** 3, policy: 'block', throttleDownKbit: 64, throttleUpKbit: 64, alertPercent: [90], topupSizes: [512 * 1024 ** 2] },
  ];
  for (let seed = 1; seed <= 30; seed++) {
    const random = seededRandom(seed);
    const { sim, uci } = device();
    let last = plans[0]!;
    for (let i = 0; i < 5; i++) {
      last = plans[Math.floor(random() * plans.length)]!;
      await uci.batch('modem-admin', planToUci('modem-admin', last));
    }
    const fresh = device();
    await fresh.uci.batch('modem-admin', planToUci('modem-admin', last));
    assert.is(sim.render('modem-admin'), fresh.sim.render('modem-admin'), `seed ${seed}`);
  }
});

table('the simulated uci refuses what uci refuses: a delete of nothing, an unknown command', async () => {
  const { sim } = device();
  await sim.run(['uci', 'batch'], { input: 'delete wireless.nothere.ssid\ncommit wireless\n' }).then(
    () => assert.unreachable('a delete of nothing passed'),
    (error: Error) => assert.match(error.message, /Entry not found/),
  );
  await sim.run(['uci', 'show', 'wireless']).then(
    () => assert.unreachable('an unknown command passed'),
    (error: Error) => assert.match(error.message, /not simulated/),
  );
});

table.run();
