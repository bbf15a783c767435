// Builds the HTTP app on the simulated device with hand-moved clocks, for route
// tests through app.request(): no server, no sockets, the real runtime and jobs.
import { createApp, type AppDeps } from '../../device-daemon/src/app.ts';
import type { Status } from '../../device-daemon/src/api/status.ts';
import { createAccounts } from '../../device-daemon/src/auth/accounts.ts';
import { createAuditLog } from '../../device-daemon/src/auth/audit-log.ts';
import { createLoginThrottle } from '../../device-daemon/src/auth/login-throttle.ts';
import { hashPassword } from '../../device-daemon/src/auth/password.ts';
import { createSessions } from '../../device-daemon/src/auth/sessions.ts';
import { readConfig, type Config } from '../../device-daemon/src/core/config.ts';
import { createHub } from '../../device-daemon/src/events.ts';
import { createEnforcer } from '../../device-daemon/src/jobs/plan-enforcer.ts';
import { createUsageSampler } from '../../device-daemon/src/jobs/usage-sampler.ts';
import { simAccounting } from '../../device-daemon/src/ports/accounting/sim.ts';
import { manualClock } from '../../device-daemon/src/ports/clock/system.ts';
import { simCounters } from '../../device-daemon/src/ports/counters/sim.ts';
import { simFirewall } from '../../device-daemon/src/ports/firewall/sim.ts';
import { simModem } from '../../device-daemon/src/ports/modem/sim.ts';
import { simShaper } from '../../device-daemon/src/ports/shaper/sim.ts';
import { SimDevice } from '../../device-daemon/src/ports/sim/device.ts';
import { SEED_FIREWALL } from '../../device-daemon/src/ports/sim/seed-firewall.ts';
import { SEED_WIRELESS } from '../../device-daemon/src/ports/sim/seed-wireless.ts';
import { SEED_NETWORK } from '../../device-daemon/src/ports/sim/seed-network.ts';
import { simOperator } from '../../device-daemon/src/ports/sim/operator.ts';
import { memoryStore } from '../../device-daemon/src/ports/store/memory.ts';
import { simSystem } from '../../device-daemon/src/ports/system/sim.ts';
import { simUci } from '../../device-daemon/src/ports/uci/sim.ts';
import { simLan, simWifiReload } from '../../device-daemon/src/ports/wifi/sim.ts';
import { uciWireless } from '../../device-daemon/src/ports/wifi/wireless.ts';
import { createRuntime } from '../../device-daemon/src/runtime.ts';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LABEL_SECRET = 'ABCDE23456';
export const INSTALLER_PASSWORD = 'installer-pass-1';
export const CUSTOMER_PASSWORD = 'customer-pass-1';
export const HOST = '192.168.1.1';
export const ORIGIN = `http://${HOST}`;

const DEFAULT_CONFIG = readFileSync(new URL('../../openwrt/files/etc/config/modem-admin', import.meta.url), 'utf8');
const installerHash = await hashPassword(INSTALLER_PASSWORD);

export async function testApp(options: { setUp?: boolean; config?: string; modemTimeoutMs?: number } = {}) {
  const clock = manualClock(Date.UTC(2026, 10, 21, 12, 0, 0));
  let mono = 0;
  const monotonic = () => mono;
  /** Moves wall and monotonic time together, as a running device does. */
  const advance = (ms: number) => {
    mono += ms;
    clock.advance(ms);
  };
  const uciDir = mkdtempSync(join(tmpdir(), 'route-uci-'));
  const uci = simUci(uciDir, { 'modem-admin': options.config ?? DEFAULT_CONFIG, firewall: SEED_FIREWALL, wireless: SEED_WIRELESS, network: SEED_NETWORK });
  let config: Config = readConfig(await uci.show('modem-admin'));
  const store = memoryStore();
  const accounts = await createAccounts({ store, labelSecret: LABEL_SECRET, installerHash: () => installerHash });
  if (options.setUp !== false) await accounts.setup(LABEL_SECRET, CUSTOMER_PASSWORD);
  const sessions = createSessions({ now: clock.now });
  const device = new SimDevice({ monotonic, downBytesPerSecond: 1_000_000 });
  const ports = {
    counters: simCounters(device, 'wwan0'),
    accounting: simAccounting(device),
    shaper: simShaper(device),
    firewall: simFirewall(device),
    uci,
    wireless: uciWireless(uci, simWifiReload(device)),
    lan: simLan(device, clock.now),
    modem: simModem(device, simOperator(device, { cap: () => (typeof config.plan.cap === 'number' ? config.plan.cap : null), now: clock.now })),
    system: simSystem({ now: clock.now, device }),
    clock,
  };
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const sampler = createUsageSampler(
    { counters: ports.counters, accounting: ports.accounting, clock, monotonic, wanDevice: 'wwan0', plan: () => config.plan, maxBytesPerSecond: 125_000_000, log },
    null,
  );
  const statusEvents = createHub<Status>();
  const flushes: string[] = [];
  const runtime = createRuntime({
    ports,
    config: () => config,
    sampler,
    enforcer: createEnforcer({ shaper: ports.shaper, firewall: ports.firewall, monotonic, log }),
    flush: async (reason) => void flushes.push(reason),
    statusEvents,
    monotonic,
    log,
  });
  await ports.accounting.ensure();
  await runtime.start();
  await runtime.tick();
  const audit = await createAuditLog({ store, now: clock.now, log });
  let lastFlashWrite: number | null = null;
  let reloads = 0;
  const deps: AppDeps = {
    audit,
    accounts,
    sessions,
    throttle: createLoginThrottle({ now: clock.now }),
    runtime,
    statusEvents,
    plan: () => config.plan,
    planStore: { uci, pkg: 'modem-admin', apply: (checked) => (config = { ...config, plan: checked.plan }) },
    now: clock.now,
    allowedHosts: () => new Set([HOST, 'modem.lan']),
    assets: new Map(),
    log,
    system: {
      system: ports.system,
      store,
      uci,
      pkg: 'modem-admin',
      lastFlashWrite: () => lastFlashWrite,
      flush: async () => void flushes.push('shutdown'),
      reload: async () => {
        config = readConfig(await uci.show('modem-admin'));
        reloads++;
      },
      later: (work) => void work(),
    },
    wifi: { wireless: ports.wireless, lan: ports.lan, store, usage: () => runtime.usage().ledger.devices, now: clock.now },
    // The modem's waits (release polling, SMS replies) pass at once; its timeout is short.
    modem: { modem: ports.modem, uci, pkg: 'modem-admin', runtime, now: clock.now, monotonic, log, sleep: async () => {}, timeoutMs: options.modemTimeoutMs ?? 200 },
  };
  const app = createApp(deps);

  /** A request as the UI on this device would send it. */
  function request(path: string, init: { method?: string; body?: unknown; cookie?: string; csrf?: string; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { host: HOST, ...init.headers };
    const method = init.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      headers.origin ??= ORIGIN;
      headers['sec-fetch-site'] ??= 'same-origin';
      if (init.body !== undefined) headers['content-type'] ??= 'application/json';
    }
    if (init.cookie) headers.cookie = init.cookie;
    if (init.csrf) headers['x-csrf-token'] = init.csrf;
    return app.request(path, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  }

  /** Signs in and returns what later requests need. */
  async function signIn(password: string) {
    const res = await request('/api/session', { method: 'POST', body: { password } });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    const { csrfToken, role } = (await res.json()) as { csrfToken: string; role: string };
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    return { cookie, csrf: csrfToken, role };
  }

  return { reloads: () => reloads, setLastFlashWrite: (at: number | null) => (lastFlashWrite = at), uciDir, app, deps, ports, audit, clock, advance, device, runtime, sampler, store, sessions, statusEvents, logs, flushes, uci, request, signIn, config: () => config };
}
