// Builds the HTTP app on the simulated device with hand-moved clocks, for route
// tests through app.request(): no server, no sockets, the real runtime and jobs.
import { hashPassword } from '../../device-daemon/src/auth/password.ts';
import { readConfig, type Config } from '../../device-daemon/src/core/config.ts';
import { createDevice, type DeviceOptions } from '../../device-daemon/src/device.ts';
import { manualClock } from '../../device-daemon/src/ports/clock/system.ts';
import { SimDevice } from '../../device-daemon/src/ports/sim/device.ts';
import { simPorts } from '../../device-daemon/src/ports/sim/ports.ts';
import type { SoldPlan } from '../../device-daemon/src/ports/sim/operator.ts';
import { SEED_FIREWALL } from '../../device-daemon/src/ports/sim/seed-firewall.ts';
import { SEED_WIRELESS } from '../../device-daemon/src/ports/sim/seed-wireless.ts';
import { SEED_NETWORK } from '../../device-daemon/src/ports/sim/seed-network.ts';
import { memoryStore } from '../../device-daemon/src/ports/store/memory.ts';
import type { StorePort } from '../../device-daemon/src/ports/types.ts';
import { simUci } from '../../device-daemon/src/ports/uci/sim.ts';
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

export async function testApp(options: { setUp?: boolean; config?: string; wireless?: string; network?: string; modemTimeoutMs?: number; scanTimeoutMs?: number; updates?: DeviceOptions['updates']; clientAddress?: () => string } = {}) {
  const clock = manualClock(Date.UTC(2026, 10, 21, 12, 0, 0));
  let mono = 0;
  const monotonic = () => mono;
  /** Moves wall and monotonic time together, as a running device does. */
  const advance = (ms: number) => {
    mono += ms;
    clock.advance(ms);
  };
  const uciDir = mkdtempSync(join(tmpdir(), 'route-uci-'));
  const uci = simUci(uciDir, { 'modem-admin': options.config ?? DEFAULT_CONFIG, firewall: SEED_FIREWALL, wireless: options.wireless ?? SEED_WIRELESS, network: options.network ?? SEED_NETWORK });
  const store = memoryStore();
  /** The names written to flash, in order: what reached flash and when. */
  const flashWrites: string[] = [];
  const flash: StorePort = { read: store.read, write: async (file, value) => (flashWrites.push(file.name), store.write(file, value)) };
  const device = new SimDevice({ monotonic, downBytesPerSecond: 1_000_000 });
  let soldPlan = (): SoldPlan => ({ cap: null, units: 'GiB' });
  const ports = simPorts(device, uci, { wan: 'wwan0', now: clock.now, plan: () => soldPlan() });

  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const built = await createDevice({
    ports,
    config: readConfig(await uci.show('modem-admin')),
    clock: { wall: clock, monotonic },
    stores: { flash, ram: memoryStore() },
    pkg: 'modem-admin',
    labelSecret: LABEL_SECRET,
    installerHash,
    log,
    allowedHosts: () => new Set([HOST, 'modem.lan']),
    assets: new Map(),
    ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}),
    // The modem's waits (release polling, SMS replies) pass at once; its timeout is short.
    modemTuning: { sleep: async () => {}, timeoutMs: options.modemTimeoutMs ?? 200, scanTimeoutMs: options.scanTimeoutMs },
    // A restart or reset runs at once (the daemon waits for the reply to go out).
    later: (work) => void work(),
    updates: options.updates,
  });
  const config = (): Config => built.config();
  soldPlan = () => ({ cap: typeof config().plan.cap === 'number' ? (config().plan.cap as number) : null, units: config().plan.units });
  const { app, runtime, sampler, sessions, statusEvents, auditLog: audit, accounts } = built;
  if (options.setUp !== false) await accounts.setup(LABEL_SECRET, CUSTOMER_PASSWORD);
  await built.start();
  await runtime.tick();

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

  return { uciDir, app, built, ports, audit, clock, advance, device, runtime, sampler, store, sessions, statusEvents, logs, flashWrites, uci, request, signIn, config };
}
