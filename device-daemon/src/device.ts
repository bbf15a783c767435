// createDevice: the one place the parts of the device are put together, from
// the ports, the configuration, the clocks and the stores it is given. The
// daemon (daemon.ts), the tests (test/helpers/app.ts) and the bench
// (build/bench-plan.ts) all build the device here, so what they run is what the
// router runs; each part gets only the ports it uses.
import { createApp, featureParts, type AppDeps } from './app.ts';
import { createAccounts } from './auth/accounts.ts';
import { createAuditLog } from './auth/audit-log.ts';
import { createLoginThrottle } from './auth/login-throttle.ts';
import { createSessions } from './auth/sessions.ts';
import { readConfig, type Config } from './core/config.ts';
import { createHub } from './core/hub.ts';
import { restoreBlocks } from './features/devices/blocked-clients.ts';
import type { PlanStore } from './features/plan/store.ts';
import type { Status } from './features/status/schemas.ts';
import { createEnforcer } from './jobs/plan-enforcer.ts';
import { createRuntime } from './jobs/runtime.ts';
import { createStateFlusher, loadNewest, type Saved } from './jobs/state-flusher.ts';
import { createUsageSampler, type UsageState } from './jobs/usage-sampler.ts';
import { USAGE_FILE } from './jobs/usage-file.ts';
import type { Clock, Ports, StorePort, UciPort } from './ports/types.ts';
import { trackWrites } from './ports/store/tracked.ts';
import type { UpdateService } from './features/updates/service.ts';
import type { Runtime } from './jobs/runtime.ts';

/** What the updater is made from (features/updates/load.ts), handed to DeviceOptions.updates. */
export type UpdaterParts = {
  runtime: Runtime;
  flush: () => Promise<void>;
  config: () => Config;
  flash: StorePort;
  clock: Clock;
  uci: UciPort;
  pkg: string;
  /** Ticks completed since start: a new daemon is healthy only after one. */
  ticks: () => number;
  log: (line: string) => void;
};

export type DeviceOptions = {
  ports: Omit<Ports, 'clock'>;
  /** The configuration read at start; `reload` replaces it. */
  config: Config;
  /** Wall time (may jump, may be untrusted) and monotonic time (for intervals). */
  clock: { wall: Clock; monotonic: () => number };
  /**
   * Flash survives a reboot and wears out; RAM (/tmp) survives a daemon restart only.
   * `storeId` is the flash store's own id (made once with it): a RAM journal written
   * for another store is not adopted.
   */
  stores: { flash: StorePort; ram: StorePort; storeId?: string };
  /** Our UCI package's name. */
  pkg: string;
  labelSecret: string;
  /** Used while the configuration names no installer password hash (the simulator's provisioning, tests). */
  installerHash?: string;
  log: (line: string) => void;
  /** How a restart waits for its reply to go out (tests run it at once). */
  later?: AppDeps['daemon']['later'];
  /** Makes the updater, the first time it is needed; none: the device has no update channel. */
  updates?: (parts: UpdaterParts) => Promise<UpdateService>;
} & Pick<AppDeps, 'allowedHosts' | 'assets' | 'deviceNames' | 'secureCookies' | 'clientAddress' | 'modemTuning'>;

export async function createDevice(options: DeviceOptions) {
  const { log, pkg } = options;
  const { wall, monotonic } = options.clock;
  const ports = { ...options.ports, clock: wall };
  // The System page shows when the state last reached flash.
  const flash = trackWrites(options.stores.flash, wall.now);
  const stores = { ...options.stores, flash };
  const withHash = (next: Config): Config =>
    options.installerHash && !next.daemon.installer_password_hash ? { ...next, daemon: { ...next.daemon, installer_password_hash: options.installerHash } } : next;
  let config = withHash(options.config);

  // Stores without an id of their own (memory stores in tests and the bench) share one.
  const storeId = stores.storeId ?? 'memory';
  const saved = await loadNewest<UsageState>(stores.ram, stores.flash, USAGE_FILE, storeId, log);
  const sampler = createUsageSampler(
    {
      counters: ports.counters,
      accounting: ports.accounting,
      clock: wall,
      monotonic,
      wanDevice: config.daemon.wan_device,
      plan: () => config.plan,
      maxBytesPerSecond: (config.daemon.max_link_mbit * 1_000_000) / 8,
      tickMs: config.daemon.poll_ms,
      log,
    },
    saved?.data ?? null,
  );
  // The flash copy's age (from its reading's wall time; unknown if the clock went back).
  const onFlash: Saved<UsageState> | null = await stores.flash.read(USAGE_FILE).catch(() => null);
  const flashAge = onFlash ? wall.now() - onFlash.data.wanWallTime : Infinity;
  // The audit log rides on the usage state's flash schedule (RAM journal meanwhile).
  const auditLog = await createAuditLog({ store: stores.flash, ram: stores.ram, now: wall.now, log });
  const flusher = createStateFlusher(
    {
      ram: stores.ram,
      flash: stores.flash,
      file: USAGE_FILE,
      storeId,
      monotonic,
      intervalMs: config.daemon.flush_minutes * 60_000,
      lastFlashAgeMs: flashAge >= 0 ? flashAge : Infinity,
      alongside: [() => auditLog.flush()],
      log,
    },
    () => sampler.state(),
    saved?.seq ?? 0,
  );
  await ports.accounting.ensure();

  // The device's one queue: ticks, reloads, re-applies and every change of state
  // (usage corrections, top-ups, plan, blocks, Wi-Fi) take turns in it.
  let running: Promise<unknown> = Promise.resolve();
  function serial<R>(work: () => Promise<R>): Promise<R> {
    const next = running.then(work, work);
    running = next.catch(() => {});
    return next;
  }
  function exclusive<R>(what: string, work: () => Promise<R>): Promise<R | void> {
    return serial(work).catch((error: Error) => log(`${what}: ${error.message}`));
  }

  const statusEvents = createHub<Status>();
  const runtime = createRuntime({
    ports: { uci: ports.uci, modem: ports.modem, clock: wall },
    config: () => config,
    sampler,
    enforcer: createEnforcer({ shaper: ports.shaper, firewall: ports.firewall, monotonic, log }),
    flush: async (reason) => {
      if (reason === 'changed') await flusher.changed();
      else await flusher.flush(reason);
    },
    statusEvents,
    serial,
    storeProblem: flusher.problem,
    monotonic,
    log,
  });

  const accounts = await createAccounts({ store: stores.flash, labelSecret: options.labelSecret, installerHash: () => config.daemon.installer_password_hash });
  const sessions = createSessions({ now: monotonic });
  let ticks = 0;
  let updater: Promise<UpdateService> | null = null;
  const makeUpdater = options.updates;
  const updates = makeUpdater
    ? () =>
        (updater ??= makeUpdater({
          runtime,
          flush: async () => void (await flusher.flush('shutdown')),
          config: () => config,
          flash: stores.flash,
          clock: wall,
          uci: ports.uci,
          pkg,
          ticks: () => ticks,
          log,
        }).catch((error: Error) => {
          updater = null;
          throw error;
        }))
    : undefined;
  const planStore: PlanStore = { uci: ports.uci, pkg, apply: (checked) => (config = { ...config, plan: checked.plan }) };
  const appDeps: AppDeps = {
    accounts,
    sessions,
    throttle: createLoginThrottle({ now: monotonic }),
    runtime,
    statusEvents,
    auditLog,
    plan: () => config.plan,
    config: () => config,
    planStore,
    now: wall.now,
    monotonic,
    deviceNames: options.deviceNames,
    allowedHosts: options.allowedHosts,
    assets: options.assets,
    log,
    secureCookies: options.secureCookies,
    clientAddress: options.clientAddress,
    ports: { modem: ports.modem, uci: ports.uci, wireless: ports.wireless, lan: ports.lan, system: ports.system },
    stores: { flash: stores.flash },
    pkg,
    modemTuning: options.modemTuning,
    daemon: {
      lastFlashWrite: flash.lastWrite,
      // In the device's queue, as SIGTERM's: never beside a tick's write.
      flush: () => serial(async () => void (await flusher.flush('shutdown'))),
      // A restored configuration takes effect as a SIGHUP's would.
      reload: async () => reload(readConfig(await ports.uci.show(pkg))),
      later: options.later,
    },
    updates,
  };
  const app = createApp(appDeps);


  return {
    app,
    runtime,
    sampler,
    flusher,
    accounts,
    sessions,
    auditLog,
    statusEvents,
    config: () => config,
    /** What the features are made from (tests build a feature on its own with it). */
    parts: featureParts(appDeps),
    /** Before the first tick: a reboot never lifts a throttle, and blocked devices stay blocked. */
    async start(): Promise<void> {
      await runtime.start();
      await restoreBlocks(ports.lan, stores.flash).catch((error: Error) => log(`clients: could not restore blocked devices: ${error.message}`));
    },
    tick: () =>
      exclusive('tick', async () => {
        await runtime.tick();
        ticks++;
      }),
    /** The updater, loaded on first use (undefined without an update channel). */
    updates,
    stores,
    /**
     * A new configuration (SIGHUP): counts, sessions and the listening sockets
     * stay. Options read only at start are named as needing a restart.
     */
    reload,
    /** The WAN came up (SIGUSR1): put the plan's shaping and block back at once. */
    reapply: () =>
      exclusive('reapply', async () => {
        await runtime.reapply();
        log('plan: re-applied on request');
      }),
    /** Waits for the running change, then writes the state to flash (SIGTERM). */
    async stop(): Promise<void> {
      await serial(() => flusher.flush('shutdown'));
    },
  };

  /**
   * A new configuration (SIGHUP, or a restored backup): counts, sessions and the
   * listening sockets stay. Options read only at start are named as needing a restart.
   */
  function reload(read: Config): Promise<void> {
    return exclusive('reload', async () => {
      // Loaded on the first reload: nothing of it is needed at start.
      const { reloadConfig } = await import('./core/config-reload.ts');
      const { config: merged, changed, needRestart, planChanged } = reloadConfig(config, withHash(read));
      if (changed.length === 0) {
        log('reload: configuration unchanged');
        return;
      }
      config = merged;
      // Said once the new configuration is in force (the status rebuilt), not before.
      // Already in the device's queue: the plan is applied here, not queued behind this turn.
      if (planChanged) await runtime.applyPlanChange();
      log(`reload: changed ${changed.join(', ')}`);
      if (needRestart.length > 0) log(`reload: ${needRestart.join(', ')}: kept until the daemon restarts`);
    });
  }
}

export type Device = Awaited<ReturnType<typeof createDevice>>;
