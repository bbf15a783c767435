// Builds the HTTP app on simulated parts with a hand-moved clock, for route tests
// through app.request(): no server, no sockets.
import { createApp } from '../../device-daemon/src/app.ts';
import type { Status } from '../../device-daemon/src/api/status.ts';
import { createAccounts } from '../../device-daemon/src/auth/accounts.ts';
import { createLoginThrottle } from '../../device-daemon/src/auth/login-throttle.ts';
import { hashPassword } from '../../device-daemon/src/auth/password.ts';
import { createSessions } from '../../device-daemon/src/auth/sessions.ts';
import { cycleAt } from '../../device-daemon/src/core/billing-cycle.ts';
import { readConfig } from '../../device-daemon/src/core/config.ts';
import { buildStatus } from '../../device-daemon/src/core/status.ts';
import { parseUciText } from '../../device-daemon/src/core/uci-text.ts';
import { emptyLedger, type Ledger } from '../../device-daemon/src/core/usage-ledger.ts';
import { createHub } from '../../device-daemon/src/events.ts';
import { manualClock } from '../../device-daemon/src/ports/clock/system.ts';
import { memoryStore } from '../../device-daemon/src/ports/store/memory.ts';
import { readFileSync } from 'node:fs';

export const LABEL_SECRET = 'ABCDE23456';
export const INSTALLER_PASSWORD = 'installer-pass-1';
export const CUSTOMER_PASSWORD = 'customer-pass-1';
export const HOST = '192.168.1.1';
export const ORIGIN = `http://${HOST}`;

const DEFAULT_CONFIG = readFileSync(new URL('../../openwrt/files/etc/config/modem-admin', import.meta.url), 'utf8');
const installerHash = await hashPassword(INSTALLER_PASSWORD);

export async function testApp(options: { setUp?: boolean } = {}) {
  const clock = manualClock(Date.UTC(2026, 10, 21, 12, 0, 0));
  const config = readConfig(parseUciText('modem-admin', DEFAULT_CONFIG));
  const store = memoryStore();
  const accounts = await createAccounts({ store, labelSecret: LABEL_SECRET, installerHash: () => installerHash });
  if (options.setUp !== false) await accounts.setup(LABEL_SECRET, CUSTOMER_PASSWORD);
  const sessions = createSessions({ now: clock.now });
  const cycle = cycleAt(clock.now(), { kind: 'monthly', day: 1, timeZone: config.plan.timezone });
  let ledger: Ledger = emptyLedger(cycle);
  const status = (): Status =>
    buildStatus({
      now: clock.now(),
      timeTrusted: true,
      plan: config.plan,
      cycle,
      ledger,
      modem: { state: 'connected', operator: 'Plus', technology: 'lte', roaming: false, signal: { rsrp: -85, rsrq: -9, sinr: 12, rssi: -60 } },
      enforced: 'none',
      notices: [],
    });
  const statusEvents = createHub<Status>();
  const logs: string[] = [];
  const app = createApp({
    accounts,
    sessions,
    throttle: createLoginThrottle({ now: clock.now }),
    status,
    statusEvents,
    allowedHosts: () => new Set([HOST, 'modem.lan']),
    assets: new Map(),
    log: (line) => logs.push(line),
  });

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

  return {
    app,
    clock,
    store,
    sessions,
    statusEvents,
    logs,
    request,
    signIn,
    setLedger: (next: Ledger) => void (ledger = next),
    ledger: () => ledger,
  };
}
