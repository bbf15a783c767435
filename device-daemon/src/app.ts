// createApp(deps): the whole HTTP surface, with no I/O of its own, so that every
// test builds its own app and calls app.request().
import { Hono } from 'hono/tiny';
import type { Context } from 'hono';
import type { Status } from './api/status.ts';
import type { Accounts } from './auth/accounts.ts';
import type { AuditLog } from './auth/audit-log.ts';
import { auditRoutes } from './routes/audit.ts';
import type { LoginThrottle } from './auth/login-throttle.ts';
import type { Sessions } from './auth/sessions.ts';
import type { Hub } from './events.ts';
import { accessControl, type AccessEnv } from './middleware/access-control.ts';
import { csrfGuard } from './middleware/csrf-guard.ts';
import { hostGuard } from './middleware/host-guard.ts';
import { ACCESS } from './routes/access.ts';
import { healthRoutes } from './routes/health.ts';
import { sessionRoutes } from './routes/session.ts';
import { staticRoutes, type loadAssets } from './routes/static-files.ts';
import { statusRoutes } from './routes/status.ts';
import { usageRoutes } from './routes/usage.ts';
import { planRoutes } from './routes/plan.ts';
import { modemRoutes } from './routes/modem.ts';
import type { ModemFeature } from './modem-service.ts';
import { wifiRoutes, type WifiDeps } from './routes/wifi.ts';
import type { Runtime } from './runtime.ts';
import type { PlanConfig } from './core/config.ts';
import type { PlanJson } from './api/plan.ts';
import { HttpError } from './routes/validate.ts';

export type AppDeps = {
  accounts: Accounts;
  sessions: Sessions;
  throttle: LoginThrottle;
  runtime: Runtime;
  statusEvents: Hub<Status>;
  plan: () => PlanConfig;
  savePlan: (plan: PlanJson) => Promise<void>;
  /** Client key (MAC) to a host name, where one is known. */
  deviceNames?: () => Record<string, string>;
  /** Host names and addresses this device answers to. */
  allowedHosts: () => ReadonlySet<string>;
  assets: ReturnType<typeof loadAssets>;
  log: (line: string) => void;
  audit: AuditLog;
  secureCookies?: boolean;
  clientAddress?: (c: Context) => string;
  /** Balance, top-ups, USSD, SMS, signal meter, mobile settings (absent: those endpoints do not exist). */
  modem?: ModemFeature;
  /** Wi-Fi settings, LAN clients and their block (routes/wifi.ts). */
  wifi: Pick<WifiDeps, 'wireless' | 'lan' | 'store' | 'usage' | 'now'>;
};

/** The peer address from @hono/node-server; app.request() in tests has none. */
function peerAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

export function createApp(deps: AppDeps) {
  const app = new Hono<AccessEnv>();
  const audit = (role: string, event: string) => void deps.audit.record(role, event);

  app.use(hostGuard({ allowed: deps.allowedHosts }));
  app.use(csrfGuard());
  app.use(accessControl({ table: ACCESS, sessions: deps.sessions, setupRequired: deps.accounts.setupRequired }));

  app.route('/', healthRoutes());
  app.route(
    '/api',
    sessionRoutes({
      accounts: deps.accounts,
      sessions: deps.sessions,
      throttle: deps.throttle,
      clientAddress: deps.clientAddress ?? peerAddress,
      secureCookies: deps.secureCookies ?? false,
      audit,
    }),
  );
  app.route('/api', statusRoutes({ status: deps.runtime.status, statusEvents: deps.statusEvents, sessions: deps.sessions }));
  app.route('/api', usageRoutes({ runtime: deps.runtime, deviceNames: deps.deviceNames ?? (() => ({})) }));
  app.route('/api', auditRoutes(deps.audit));
  app.route('/api', planRoutes({ runtime: deps.runtime, plan: deps.plan, savePlan: deps.savePlan, audit }));
  app.route('/api', wifiRoutes({ ...deps.wifi, clientAddress: deps.clientAddress ?? peerAddress, audit, log: deps.log }));
  if (deps.modem) app.route('/api', modemRoutes({ ...deps.modem, runtime: deps.runtime, sessions: deps.sessions, audit }));
  app.route('/', staticRoutes(deps.assets));

  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json({ error: error.message, ...error.extra }, error.status);
    deps.log(`error: ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return c.json({ error: 'internal error; see the system log' }, 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
