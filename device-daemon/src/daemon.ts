// The daemon's process: the platform's ports, the credentials and state on disk,
// the device (device.ts), the 1 s loop and the listening sockets. main.ts handles
// the command line and signals; this file owns the lifecycle.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Server } from 'node:http';
import { serveOnDemand } from './http-server.ts';
import { createDevice } from './device.ts';
import { hashPassword } from './auth/password.ts';
import type { CliOptions } from './cli.ts';
import { readConfig, type Config } from './core/config.ts';
import { PACKAGE, createPlatform } from './platform.ts';
import { atomicFileStore } from './ports/store/atomic-file.ts';
import { loadAssets } from './middleware/static-files.ts';
import { hostAllowList, listenAddresses, ListenError, type ListenAddress } from './listen.ts';
import { UPDATES_FILE } from './features/updates/state.ts';

/**
 * How often the simulated device looks whether an install is due (the router:
 * every minute), so that a test that moves the simulated clock into the
 * window sees the install within seconds.
 */
const SIM_UPDATE_TICK_MS = 5_000;

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
  const config: Config = readConfig(await platform.uci.show(PACKAGE));
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
  }

  const listen: ListenAddress[] = listenAddresses(options, config);
  const allowedHosts = hostAllowList({
    listen,
    config: () => device.config(),
    // os.networkInterfaces() sees this process's network namespace: the LAN bridge on the device.
    lanAddresses: () => (networkInterfaces()[device.config().daemon.lan_device] ?? []).map((a) => a.address.replace(/%.*$/, '')),
    now: monotonic,
  });
  const device = await createDevice({
    ports,
    config,
    clock: { wall: ports.clock, monotonic },
    stores: {
      flash: atomicFileStore(options.stateDir, log),
      ram: atomicFileStore(ramDir, log),
      // Created once with the flash store; the RAM journal is matched to it.
      storeId: (await readOrCreate(join(options.stateDir, 'store-id'), () => randomUUID())).value,
    },
    pkg: PACKAGE,
    labelSecret: label.value,
    installerHash: simInstallerHash,
    log,
    allowedHosts,
    assets: loadAssets(options.www),
    deviceNames: () => (platform.sim ? Object.fromEntries(platform.sim.clients.map((c) => [c.mac, c.name])) : {}),
    // The updater and its ports load the first time they are needed (features/updates/load.ts).
    updates: async (parts) =>
      (await import('./features/updates/load.ts')).loadUpdateService({
        ...parts,
        platform: options.platform,
        stateDir: options.stateDir,
        answers: async () => {
          const { host, port } = listen[0]!;
          return fetch(`http://${host.includes(':') ? `[${host}]` : host}:${port}/healthz`, { signal: AbortSignal.timeout(3000) }).then(
            (r) => r.ok,
            () => false,
          );
        },
      }),
  });
  const { app } = device;
  await device.start();

  // The loop: one tick at a time, never overlapping, every poll_ms. Signals
  // (reload, re-apply) take their turn in the same queue as the ticks (device.ts).
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  /**
   * SIGHUP: re-read the config through the UCI port and re-check it. A bad
   * config is logged and the running one kept.
   */
  async function reload(): Promise<void> {
    let next: Config;
    try {
      next = readConfig(await platform.uci.show(PACKAGE));
    } catch (error) {
      log(`reload: kept the running configuration: ${(error as Error).message}`);
      return;
    }
    await device.reload(next);
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      void device.tick().then(schedule);
    }, device.config().daemon.poll_ms);
  }
  await device.tick();
  schedule();

  const servers: Server[] = [];
  for (const address of listen) {
    try {
      servers.push(await serveOnDemand(async () => app.fetch, allowedHosts, address.host, address.port));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ListenError(`cannot listen on ${address.host}:${address.port}: ${code === 'EADDRINUSE' ? 'the address is in use' : (error as Error).message}`);
    }
  }

  // The updater's poller loads a few random minutes after start, or at once when
  // an install was left open by a restart or a power cut (jobs/update-poller.ts).
  const openJob = (await device.stores.flash.read(UPDATES_FILE).catch(() => null))?.job;
  let poller: { stop(): void } | null = null;
  const firstCheck = setTimeout(
    () =>
      void import('./jobs/update-poller.ts').then(({ startUpdatePoller }) => {
        if (!stopped && device.updates) poller = startUpdatePoller({ load: device.updates, random: Math.random, log, tickMs: options.platform === 'sim' ? SIM_UPDATE_TICK_MS : undefined });
      }),
    openJob ? 0 : (options.platform === 'sim' ? 10_000 : 120_000) * (1 + 2 * Math.random()),
  );

  return {
    app,
    listen,
    updates: device.updates,
    label: { secret: label.value, setupRequired: device.accounts.setupRequired() },
    simInstallerPassword,
    sim: platform.sim,
    reload,
    reapply: device.reapply,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      clearTimeout(firstCheck);
      poller?.stop();
      await device.stop();
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
