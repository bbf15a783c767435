// Wires the daemon together: config, ports, state, jobs and the HTTP app.
// main.ts handles the command line and signals; this file owns the lifecycle.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Server } from 'node:http';
import { serveApp } from './http-server.ts';
import type { Status } from './api/status.ts';
import { createApp } from './app.ts';
import { createAccounts } from './auth/accounts.ts';
import { createAuditLog } from './auth/audit-log.ts';
import { createLoginThrottle } from './auth/login-throttle.ts';
import { hashPassword } from './auth/password.ts';
import { createSessions } from './auth/sessions.ts';
import type { CliOptions } from './cli.ts';
import { readConfig, type Config } from './core/config.ts';
import { createHub } from './events.ts';
import { loadNewest, createStateFlusher, type Saved } from './jobs/state-flusher.ts';
import { createUsageSampler, type UsageState } from './jobs/usage-sampler.ts';
import { PACKAGE, createPlatform } from './platform.ts';
import { atomicFileStore } from './ports/store/atomic-file.ts';
import { trackWrites } from './ports/store/tracked.ts';
import { createEnforcer } from './jobs/plan-enforcer.ts';
import { createRuntime } from './runtime.ts';
import { loadAssets } from './routes/static-files.ts';
import { restoreBlocks } from './blocked-clients.ts';
import { hostAllowList, listenAddresses, ListenError, type ListenAddress } from './listen.ts';

export type DaemonOptions = CliOptions & { www: string; log: (line: string) => void };

/** A label secret: 10 characters that are hard to misread on a sticker (no 0/O, 1/I/L). */
function newLabelSecret(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

async function readOrCreate(file: string, make: () => Promise<string> | string): Promise<{ value: string; created: boolean }> {
  try {
    return { value: (await readFile(file, 'utf8')).trim(), created: false };
  } catch {
    const value = await make();
    await writeFile(file, `${value}\n`, { mode: 0o600 });
    return { value, created: true };
  }
}

export async function startDaemon(options: DaemonOptions) {
  // The simulator keeps the daemon's lines in its system log, as logd does on the router.
  let tap: ((line: string) => void) | undefined;
  const log = (line: string) => {
    options.log(line);
    tap?.(line);
  };
  const monotonic = () => performance.now();
  await mkdir(options.stateDir, { recursive: true, mode: 0o700 });
  const ramDir = options.ramDir ?? (options.platform === 'sim' ? join(options.stateDir, 'ram') : '/tmp/modem-admin');

  const platform = await createPlatform({ ...options, configFile: options.config, monotonic, log });
  let config: Config = readConfig(await platform.uci.show(PACKAGE));
  const wanDevice = config.daemon.wan_device;
  const ports = platform.ports({ wan: wanDevice, lan: config.daemon.lan_device });
  tap = platform.logTap;

  // Credentials: the label secret opens first-boot setup; the installer hash comes from UCI.
  const label = await readOrCreate(join(options.stateDir, 'label-secret'), newLabelSecret);
  let simInstallerPassword: string | null = null;
  let simInstallerHash: string | undefined;
  if (platform.sim && !config.daemon.installer_password_hash) {
    // The simulated device stands in for the ISP's provisioning: a random installer
    // password, hashed once (scrypt is deliberately slow) and kept with the state.
    simInstallerPassword = (await readOrCreate(join(options.stateDir, 'installer-password'), () => randomBytes(9).toString('base64url'))).value;
    const password = simInstallerPassword;
    simInstallerHash = (await readOrCreate(join(options.stateDir, 'installer-password.hash'), () => hashPassword(password))).value;
    config.daemon.installer_password_hash = simInstallerHash;
  }

  const flash = trackWrites(atomicFileStore(options.stateDir, log), ports.clock.now);
  const ram = atomicFileStore(ramDir, log);
  const saved = await loadNewest<UsageState>(ram, flash, 'usage');
  const sampler = createUsageSampler(
    {
      counters: ports.counters,
      accounting: ports.accounting,
      clock: ports.clock,
      monotonic,
      wanDevice,
      plan: () => config.plan,
      maxBytesPerSecond: (config.daemon.max_link_mbit * 1_000_000) / 8,
      log,
    },
    saved?.data ?? null,
  );
  // The flash copy's age (from its reading's wall time; unknown if the clock went back).
  const onFlash = (await flash.read('usage')) as Saved<UsageState> | null;
  const flashAge = onFlash ? ports.clock.now() - onFlash.data.wanWallTime : Infinity;
  const flusher = createStateFlusher(
    { ram, flash, name: 'usage', monotonic, intervalMs: config.daemon.flush_minutes * 60_000, lastFlashAgeMs: flashAge >= 0 ? flashAge : Infinity, log },
    () => sampler.state(),
    saved?.seq ?? 0,
  );
  await ports.accounting.ensure();

  const statusEvents = createHub<Status>();
  const runtime = createRuntime({
    ports,
    config: () => config,
    sampler,
    enforcer: createEnforcer({ shaper: ports.shaper, firewall: ports.firewall, monotonic, log }),
    flush: async (reason) => {
      if (reason === 'changed') await flusher.changed();
      else await flusher.flush(reason);
    },
    statusEvents,
    monotonic,
    log,
  });
  await runtime.start();

  const accounts = await createAccounts({
    store: flash,
    labelSecret: label.value,
    installerHash: () => config.daemon.installer_password_hash,
  });
  const sessions = createSessions({ now: monotonic });
  const audit = await createAuditLog({ store: flash, now: ports.clock.now, log });
  const listen: ListenAddress[] = listenAddresses(options, config);
  const allowed = hostAllowList({
    listen,
    config: () => config,
    // os.networkInterfaces() sees this process's network namespace: the LAN bridge on the device.
    lanAddresses: () => (networkInterfaces()[config.daemon.lan_device] ?? []).map((a) => a.address.replace(/%.*$/, '')),
    now: monotonic,
  });
  const app = createApp({
    accounts,
    sessions,
    throttle: createLoginThrottle({ now: monotonic }),
    runtime,
    statusEvents,
    audit,
    plan: () => config.plan,
    planStore: { uci: platform.uci, pkg: PACKAGE, apply: (checked) => (config = { ...config, plan: checked.plan }) },
    now: ports.clock.now,
    deviceNames: () => (platform.sim ? Object.fromEntries(platform.sim.clients.map((c) => [c.mac, c.name])) : {}),
    allowedHosts: allowed,
    assets: loadAssets(options.www),
    log,
    modem: { modem: ports.modem, uci: platform.uci, pkg: PACKAGE, runtime, now: ports.clock.now, monotonic, log },
    system: {
      system: ports.system,
      store: flash,
      uci: platform.uci,
      pkg: PACKAGE,
      lastFlashWrite: flash.lastWrite,
      flush: async () => void (await flusher.flush('shutdown')),
      reload: () => reload(),
    },
    wifi: { wireless: ports.wireless!, lan: ports.lan!, store: flash, usage: () => runtime.usage().ledger.devices, now: ports.clock.now },
  });
  await restoreBlocks(ports.lan!, flash).catch((error: Error) => log(`clients: could not restore blocked devices: ${error.message}`));

  // The loop: one tick at a time, never overlapping, every poll_ms. Signals
  // (reload, re-apply) take their turn in the same queue as the ticks.
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  function exclusive(what: string, work: () => Promise<void>): Promise<void> {
    const next = running.then(work).catch((error: Error) => log(`${what}: ${error.message}`));
    running = next;
    return next;
  }
  const tick = () => exclusive('tick', () => runtime.tick());

  /**
   * SIGHUP: re-read the config through the UCI port and re-check it. Counts,
   * sessions and the listening sockets stay; a bad config is logged and the
   * running one kept. Options read only at start are named as needing a restart.
   */
  function reload(): Promise<void> {
    return exclusive('reload', async () => {
      let next: Config;
      try {
        next = readConfig(await platform.uci.show(PACKAGE));
      } catch (error) {
        log(`reload: kept the running configuration: ${(error as Error).message}`);
        return;
      }
      if (simInstallerHash && !next.daemon.installer_password_hash) next.daemon.installer_password_hash = simInstallerHash;
      // Loaded on the first reload: nothing of it is needed at start.
      const { config: merged, changed, needRestart, planChanged } = (await import('./core/config-reload.ts')).reloadConfig(config, next);
      if (changed.length === 0) {
        log('reload: configuration unchanged');
        return;
      }
      config = merged;
      log(`reload: changed ${changed.join(', ')}`);
      if (needRestart.length > 0) log(`reload: ${needRestart.join(', ')}: kept until the daemon restarts`);
      if (planChanged) await runtime.planChanged();
    });
  }

  /** SIGUSR1 (the WAN came up): put the plan's shaping and block back at once. */
  function reapply(): Promise<void> {
    return exclusive('reapply', async () => {
      await runtime.reapply();
      log('plan: re-applied on request');
    });
  }
  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      void tick().then(schedule);
    }, config.daemon.poll_ms);
  }
  await tick();
  schedule();

  const servers: Server[] = [];
  for (const address of listen) {
    try {
      servers.push(await serveApp(app.fetch, address.host, address.port));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ListenError(`cannot listen on ${address.host}:${address.port}: ${code === 'EADDRINUSE' ? 'the address is in use' : (error as Error).message}`);
    }
  }


  return {
    app,
    listen,
    label: { secret: label.value, setupRequired: accounts.setupRequired() },
    simInstallerPassword,
    sim: platform.sim,
    reload,
    reapply,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await flusher.flush('shutdown');
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              // Event streams never end by themselves: close idle and streaming sockets too.
              (server as { closeAllConnections?: () => void }).closeAllConnections?.();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}
