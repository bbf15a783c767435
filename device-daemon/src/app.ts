// createApp(deps): the whole HTTP surface, with no I/O of its own, so that every
// test builds its own app and calls app.request().
import { Hono } from 'hono/tiny';
import type { Context, ErrorHandler } from 'hono';
import type { Status } from './api/status.ts';
import type { Accounts } from './auth/accounts.ts';
import type { Audit, AuditLog } from './auth/audit-log.ts';
import { auditRoutes } from './routes/audit.ts';
import type { LoginThrottle } from './auth/login-throttle.ts';
import type { Sessions } from './auth/sessions.ts';
import type { Hub } from './events.ts';
import { accessControl, type AccessEnv } from './middleware/access-control.ts';
import { csrfGuard } from './middleware/csrf-guard.ts';
import { hostGuard } from './middleware/host-guard.ts';
import { ACCESS, FEATURES } from './routes/access.ts';
import { lazyRoutes } from './routes/lazy.ts';
import type { ModemServiceDeps } from './modem-service.ts';
import type { WifiDeps } from './routes/wifi.ts';
import type { SystemDeps } from './features/system/service.ts';
import type { SignalMeter } from './jobs/signal-meter.ts';
import type { StorePort } from './ports/types.ts';
import type { PlanStore } from './plan-store.ts';
import { healthRoutes } from './routes/health.ts';
import { sessionRoutes, type SessionDeps } from './routes/session.ts';
import { staticRoutes, type loadAssets } from './routes/static-files.ts';
import { statusRoutes } from './routes/status.ts';
import type { Runtime } from './runtime.ts';
import type { PlanConfig } from './core/config.ts';
import { HttpError } from './routes/validate.ts';

export type AppDeps = {
  accounts: Accounts;
  sessions: Sessions;
  throttle: LoginThrottle;
  runtime: Runtime;
  statusEvents: Hub<Status>;
  plan: () => PlanConfig;
  planStore: PlanStore;
  now: () => number;
  /** Client key (MAC) to a host name, where one is known. */
  deviceNames?: () => Record<string, string>;
  /** Host names and addresses this device answers to. */
  allowedHosts: () => ReadonlySet<string>;
  assets: ReturnType<typeof loadAssets>;
  log: (line: string) => void;
  audit: AuditLog;
  secureCookies?: boolean;
  clientAddress?: (c: Context) => string;
  /** What the modem feature (balance, top-ups, USSD, SMS, signal meter, mobile settings) is made from. */
  modem: ModemServiceDeps;
  /** Facts, restart and reset, backup, logs, connectivity, commissioning record (features/system/). */
  system: Omit<SystemDeps, 'now' | 'log'> & { store: StorePort };
  /** Wi-Fi settings, LAN clients and their block (routes/wifi.ts). */
  wifi: Pick<WifiDeps, 'wireless' | 'lan' | 'store' | 'usage' | 'now'>;
};

/** The peer address from @hono/node-server; app.request() in tests has none. */
function peerAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/** How each feature's sub-app (its routes under /api) is loaded and made. */
export function featureLoaders(deps: AppDeps, sessionDeps: SessionDeps, audit: Audit) {
  // One signal meter for the aiming page and the commissioning record (its best reading), made on first use.
  let meter: Promise<SignalMeter> | undefined;
  const signalMeter = () =>
    (meter ??= import('./jobs/signal-meter.ts').then((m) =>
      m.createSignalMeter({ statusEvents: deps.statusEvents, now: deps.now, watch: deps.runtime.watchSignal, cell: () => deps.modem.modem.cell() }),
    ));
  const loaders: Record<keyof typeof FEATURES, () => Promise<Hono<AccessEnv>>> = {
    account: async () => (await import('./routes/account.ts')).accountRoutes(sessionDeps),
    usage: async () => (await import('./routes/usage.ts')).usageRoutes({ runtime: deps.runtime, deviceNames: deps.deviceNames ?? (() => ({})), now: deps.now }),
    plan: async () => (await import('./routes/plan.ts')).planRoutes({ runtime: deps.runtime, plan: deps.plan, store: deps.planStore, audit }),
    wifi: async () => (await import('./routes/wifi.ts')).wifiRoutes({ ...deps.wifi, clientAddress: sessionDeps.clientAddress, audit, log: deps.log }),
    modem: async () =>
      (await import('./features/modem.ts')).modemApp({ ...deps.modem, statusEvents: deps.statusEvents, runtime: deps.runtime, sessions: deps.sessions, audit, meter: await signalMeter() }),
    system: async () =>
      (await import('./features/system/app.ts')).systemApp({
        ...deps.system,
        modem: deps.modem.modem,
        status: deps.runtime.status,
        plan: deps.plan,
        best: async () => (await signalMeter()).best(),
        now: deps.now,
        log: deps.log,
        audit,
      }),
  };
  return loaders;
}

export function createApp(deps: AppDeps) {
  const app = new Hono<AccessEnv>();
  const audit: Audit = (role, event, key, params) => void deps.audit.record(role, event, key, params);
  const onError: ErrorHandler = (error, c) => {
    if (error instanceof HttpError) return c.json({ error: error.message, ...error.extra }, error.status);
    deps.log(`error: ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return c.json({ error: 'internal error; see the system log' }, 500);
  };

  app.use(hostGuard({ allowed: deps.allowedHosts }));
  app.use(csrfGuard());
  app.use(accessControl({ table: ACCESS, sessions: deps.sessions, setupRequired: deps.accounts.setupRequired }));

  app.route('/', healthRoutes());
  const sessionDeps: SessionDeps = {
    accounts: deps.accounts,
    sessions: deps.sessions,
    throttle: deps.throttle,
    clientAddress: deps.clientAddress ?? peerAddress,
    secureCookies: deps.secureCookies ?? false,
    audit,
  };
  app.route('/api', sessionRoutes(sessionDeps));
  app.route('/api', statusRoutes({ status: deps.runtime.status, statusEvents: deps.statusEvents, sessions: deps.sessions }));
  // Features load on first use (routes/lazy.ts): what is rarely asked for costs
  // nothing at start, in time or memory.
  const loaders = featureLoaders(deps, sessionDeps, audit);
  for (const name of Object.keys(FEATURES) as (keyof typeof FEATURES)[]) {
    app.route('/', lazyRoutes(Object.keys(FEATURES[name]), loaders[name], onError));
  }
  app.route('/api', auditRoutes(deps.audit));
  app.route('/', staticRoutes(deps.assets));

  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError(onError);
  return app;
}

export type App = ReturnType<typeof createApp>;
