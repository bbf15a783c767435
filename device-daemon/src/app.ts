// createApp(deps): the whole HTTP surface, with no I/O of its own, so that every
// test builds its own app and calls app.request(). The endpoints come from the
// features' manifests (features/index.ts); this file only puts them in order
// behind the guards.
import { Hono } from 'hono/tiny';
import type { Context, ErrorHandler } from 'hono';
import type { Status } from './features/status/schemas.ts';
import type { Accounts } from './auth/accounts.ts';
import type { Audit, AuditLog } from './auth/audit-log.ts';
import type { LoginThrottle } from './auth/login-throttle.ts';
import type { Sessions } from './auth/sessions.ts';
import type { Hub } from './core/hub.ts';
import type { Config, PlanConfig } from './core/config.ts';
import { FEATURES } from './features/index.ts';
import type { Manifest } from './features/manifest.ts';
import type { ModemServiceDeps } from './features/modem/service.ts';
import type { SignalMeter } from './features/modem/signal-meter.ts';
import type { SystemDeps } from './features/system/service.ts';
import type { PlanStore } from './features/plan/store.ts';
import type { SessionDeps } from './features/session/routes.ts';
import type { Runtime } from './jobs/runtime.ts';
import { accessControl, type AccessEnv } from './middleware/access-control.ts';
import { accessTable } from './middleware/access-table.ts';
import { csrfGuard } from './middleware/csrf-guard.ts';
import { hostGuard } from './middleware/host-guard.ts';
import { streamHead } from './middleware/stream-head.ts';
import { lazyFeature } from './middleware/lazy-feature.ts';
import { staticRoutes, type loadAssets } from './middleware/static-files.ts';
import { errorJson, HttpError } from './middleware/validate.ts';
import type { Ports, StorePort } from './ports/types.ts';
import type { UpdateService } from './features/updates/service.ts';

export type AppDeps = {
  accounts: Accounts;
  sessions: Sessions;
  throttle: LoginThrottle;
  runtime: Runtime;
  statusEvents: Hub<Status>;
  plan: () => PlanConfig;
  /** The running configuration (replaced on reload). */
  config: () => Config;
  planStore: PlanStore;
  now: () => number;
  monotonic: () => number;
  /** Client key (MAC) to a host name, where one is known. */
  deviceNames?: () => Record<string, string>;
  /** Host names and addresses this device answers to. */
  allowedHosts: () => ReadonlySet<string>;
  assets: ReturnType<typeof loadAssets>;
  log: (line: string) => void;
  auditLog: AuditLog;
  secureCookies?: boolean;
  clientAddress?: (c: Context) => string;
  /** The ports the features use (each feature's manifest picks its own). */
  ports: Pick<Ports, 'modem' | 'uci' | 'wireless' | 'lan' | 'system'>;
  stores: { flash: StorePort };
  /** Our UCI package's name. */
  pkg: string;
  /** The modem's waits and time limits, shortened by tests. */
  modemTuning?: Pick<ModemServiceDeps, 'sleep' | 'timeoutMs' | 'smsWaitMs' | 'scanTimeoutMs'>;
  /** What the system feature asks of the daemon: the flash-write time, a flush before a restart, a reload after a restore. */
  daemon: Pick<SystemDeps, 'lastFlashWrite' | 'flush' | 'reload' | 'later'>;
  /** The updater, loaded on first use; absent where the device has no update channel. */
  updates?: () => Promise<UpdateService>;
};

/** What a feature's manifest builds its routes from. */
export type FeatureParts = AppDeps & {
  deviceNames: () => Record<string, string>;
  session: SessionDeps;
  /** Records who did what in the audit log. */
  audit: Audit;
  /** The one signal meter (made on first use): the aiming page's and the commissioning record's best reading. */
  signalMeter: () => Promise<SignalMeter>;
};

/** The peer address from @hono/node-server; app.request() in tests has none. */
function peerAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/** The parts each feature is made from, as createApp hands them over. */
export function featureParts(deps: AppDeps): FeatureParts {
  const audit: Audit = (role, event, key, params) => void deps.auditLog.record(role, event, key, params);
  let meter: Promise<SignalMeter> | undefined;
  const signalMeter = () =>
    (meter ??= import('./features/modem/signal-meter.ts').then((m) =>
      m.createSignalMeter({ statusEvents: deps.statusEvents, now: deps.now, watch: deps.runtime.watchSignal, cell: () => deps.ports.modem.cell() }),
    ));
  const session: SessionDeps = {
    accounts: deps.accounts,
    sessions: deps.sessions,
    throttle: deps.throttle,
    clientAddress: deps.clientAddress ?? peerAddress,
    secureCookies: deps.secureCookies ?? false,
    audit,
  };
  return { ...deps, deviceNames: deps.deviceNames ?? (() => ({})), session, audit, signalMeter };
}

export function createApp(deps: AppDeps, features: readonly Manifest[] = FEATURES) {
  const app = new Hono<AccessEnv>();
  const onError: ErrorHandler = (error, c) => {
    if (error instanceof HttpError) return c.json(error.json(), error.status);
    deps.log(`error: ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    // The page says what failed (it knows what it asked for) and that it was logged.
    return c.json(errorJson('internal', 'internal error; see the system log'), 500);
  };

  app.use(hostGuard({ allowed: deps.allowedHosts }));
  app.use(csrfGuard());
  app.use(accessControl({ table: accessTable(features), sessions: deps.sessions, setupRequired: deps.accounts.setupRequired }));
  app.use(streamHead());

  const parts = featureParts(deps);
  for (const feature of features) {
    const base = feature.base ?? '/api';
    // What is rarely asked for costs nothing at start, in time or memory.
    if (feature.loads === 'start') app.route(base, feature.routes(parts));
    else app.route('/', lazyFeature(Object.keys(feature.endpoints), base, () => feature.routes(parts), onError));
  }
  app.route('/', staticRoutes(deps.assets));

  app.notFound((c) => c.json(errorJson('not-found', 'not found'), 404));
  app.onError(onError);
  return app;
}

export type App = ReturnType<typeof createApp>;
