// The updater: polls the channel, downloads what this device should take,
// shows it and its notices, takes deferrals, and installs in the window.
// Loaded on first use (a route or the first poll), never at start.
import { randomBytes } from 'node:crypto';
import { mkdir, rm, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import type { Release } from '../../core/ota/manifest.ts';
import { noticesFor, type Viewer } from '../../core/ota/notices.ts';
import { readOtaConfig, type OtaConfig } from '../../core/ota/ota-config.ts';
import { defer, installDue, notForDevice, viewPending, type Device } from '../../core/ota/schedule.ts';
import type { UciPackage } from '../../core/device-data.ts';
import { downloadFile } from '../../ports/ota/http-fetch.ts';
import type { FirmwarePort, PackagePort } from '../../ports/ota/types.ts';
import type { Clock, StorePort } from '../../ports/types.ts';
import { pollChannel } from './channel-poll.ts';
import { installFirmware, installPackage, resumeJob, type InstallerDeps } from './installer.ts';
import { loadState, UPDATES_FILE, type UpdatesState } from './state.ts';

/** Downloads above this wait while the plan is throttled or blocked, unless critical. */
export const LARGE_DOWNLOAD_BYTES = 1024 * 1024;

export type UpdatesDeps = {
  packageName: string;
  uci: () => Promise<UciPackage>;
  /** The plan's time zone, the window's default. */
  planTimeZone: () => string;
  planState: () => 'normal' | 'throttled' | 'blocked';
  store: StorePort;
  /** Where downloads and kept packages go unless ota.download_dir says otherwise. */
  dir: string;
  clock: Clock;
  packages: PackagePort;
  firmware: FirmwarePort;
  /** Counts the updater's bytes in the usage ledger as the device's own. */
  countBytes: (bytes: number) => void;
  flushState: () => Promise<void>;
  healthy: () => Promise<boolean>;
  log: (line: string) => void;
};

export type PendingJson = {
  id: string;
  kind: 'package' | 'firmware';
  version: string;
  notes: { en: string; pl: string };
  critical: boolean;
  installAt: number;
  windowEnd: number;
  durationMinutes: number;
  canDefer: boolean;
  deferLimit: number;
  deferredUntil: number | null;
  downloaded: boolean;
  waiting: string | null;
};

export async function createUpdateService(deps: UpdatesDeps) {
  const state: UpdatesState = await loadState(deps.store, () => randomBytes(16).toString('hex'), deps.log);
  const save = () => deps.store.write(UPDATES_FILE, state);
  let waiting: string | null = null;
  let installNowRequested = false;
  let busy: Promise<unknown> = Promise.resolve();
  /** One thing at a time: polls, downloads and installs never overlap. */
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = busy.then(work, work);
    busy = next.catch(() => {});
    return next;
  };

  async function config(): Promise<OtaConfig> {
    const read = readOtaConfig(await deps.uci());
    if ('error' in read) throw new Error(read.error);
    return read.config;
  }
  const downloadDir = (c: OtaConfig) => c.downloadDir ?? join(deps.dir, 'download');
  const installer = (c: OtaConfig): InstallerDeps => ({
    packageName: deps.packageName,
    packages: deps.packages,
    firmware: deps.firmware,
    // On flash whatever download_dir says: a rollback must survive a reboot.
    keptDir: join(deps.dir, 'packages'),
    now: deps.clock.now,
    save,
    flushState: deps.flushState,
    healthy: deps.healthy,
    log: deps.log,
  });

  async function device(): Promise<Device> {
    const pkg = await deps.packages.status(deps.packageName);
    const fw = await deps.firmware.running();
    return { id: state.deviceId, board: fw.board, versions: { package: pkg?.state === 'installed' ? pkg.version : '0', firmware: fw.version } };
  }
  const windowOf = (c: OtaConfig) => ({ timeZone: c.timeZone ?? deps.planTimeZone(), ...c.window });

  /** The release this device should take next: critical first, our package before firmware. */
  function pendingRelease(d: Device): Release | null {
    const manifestLive = state.manifestExpires === null || !deps.clock.trusted() || state.manifestExpires > deps.clock.now();
    if (!manifestLive) return null;
    const mine = state.releases.filter((r) => notForDevice(r, d) === null);
    mine.sort((a, b) => Number(b.critical) - Number(a.critical) || (a.kind === b.kind ? 0 : a.kind === 'package' ? -1 : 1));
    return mine[0] ?? null;
  }

  const addBytes = (n: number) => {
    state.updaterBytes += n;
    deps.countBytes(n);
  };

  async function check(): Promise<{ ok: boolean; message: string }> {
    return serial(async () => {
      let result: { ok: boolean; message: string };
      try {
        const c = await config();
        result = await pollChannel(state, c, { now: deps.clock.now(), trusted: deps.clock.trusted() }, addBytes);
      } catch (error) {
        result = { ok: false, message: (error as Error).message };
      }
      state.failures = result.ok ? 0 : state.failures + 1;
      state.lastCheck = { at: deps.clock.now(), ...result };
      if (!result.ok) deps.log(`updates: check: ${result.message}`);
      await save();
      return result;
    });
  }

  /** Downloads the pending release once it is visible: free space, plan state and backoff checked first. */
  async function download(c: OtaConfig, release: Release, d: Device): Promise<string | null> {
    const dest = join(downloadDir(c), release.file.sha256);
    if (state.downloaded[release.id] === dest) return dest;
    const view = viewPending({ release, deferredUntil: state.deferrals[release.id] ?? null }, d, deps.clock.now(), windowOf(c));
    if (!view.visible && !installNowRequested) return null;
    const plan = deps.planState();
    if (plan !== 'normal' && !release.critical && release.file.size > LARGE_DOWNLOAD_BYTES) {
      waiting = `the download waits while the plan is ${plan}`;
      return null;
    }
    await mkdir(downloadDir(c), { recursive: true });
    const fs = await statfs(downloadDir(c));
    if (fs.bavail * fs.bsize < release.file.size * 1.1 + 1024 * 1024) {
      waiting = `not enough free space for ${release.file.size} bytes in ${downloadDir(c)}`;
      return null;
    }
    await downloadFile(`${c.url}/${release.file.path}`, dest, release.file, { onBytes: addBytes });
    state.downloaded = { [release.id]: dest };
    await save();
    return dest;
  }

  /** Every minute: carry on an open job, download, and install when due. */
  async function tick(): Promise<void> {
    return serial(async () => {
      let c: OtaConfig;
      try {
        c = await config();
      } catch (error) {
        waiting = (error as Error).message;
        return;
      }
      if (state.job) {
        await resumeJob(state, installer(c), async () => (await deps.firmware.running()).version);
        await save();
        if (state.job) return;
      }
      const d = await device();
      const release = pendingRelease(d);
      if (!release) {
        installNowRequested = false;
        return;
      }
      waiting = null;
      let file: string | null;
      try {
        file = await download(c, release, d);
      } catch (error) {
        state.failures++;
        waiting = `download failed: ${(error as Error).message}`;
        deps.log(`updates: ${waiting}`);
        await save();
        return;
      }
      if (!file) return;
      const pending = { release, deferredUntil: state.deferrals[release.id] ?? null };
      const clock = { now: deps.clock.now(), trusted: deps.clock.trusted() };
      if (!installNowRequested && !installDue(pending, d, clock, windowOf(c))) return;
      installNowRequested = false;
      if (release.kind === 'package') await installPackage(state, installer(c), release, file);
      else await installFirmware(state, installer(c), release, file);
      await rm(file, { force: true });
      delete state.downloaded[release.id];
      await save();
    });
  }

  async function view(viewer: Viewer) {
    const c = await config().catch(() => null);
    const d = await device();
    const release = pendingRelease(d);
    let pending: PendingJson | null = null;
    if (release && c) {
      const deferredUntil = state.deferrals[release.id] ?? null;
      const v = viewPending({ release, deferredUntil }, d, deps.clock.now(), windowOf(c));
      if (v.visible || viewer === 'installer')
        pending = {
          id: release.id,
          kind: release.kind,
          version: release.version,
          notes: release.notes,
          critical: release.critical,
          installAt: v.slot.at,
          windowEnd: v.slot.end,
          durationMinutes: release.durationMinutes,
          canDefer: v.canDefer,
          deferLimit: v.deferLimit,
          deferredUntil,
          downloaded: state.downloaded[release.id] !== undefined,
          waiting: deps.clock.trusted() ? waiting : 'waiting for the clock to be set from the network',
        };
    }
    return {
      current: d.versions,
      pending,
      installing: state.job ? { kind: state.job.kind, version: state.job.version, phase: state.job.phase } : null,
      notices: noticesFor(state.noticeList, viewer, deps.clock.now()).map(({ id, kind, level, from, until, text }) => ({ id, kind, level, from, until, text })),
      history: state.history.slice(0, 20),
      lastCheck: state.lastCheck,
      updaterBytes: state.updaterBytes,
    };
  }

  async function deferPending(days: number): Promise<{ deferredUntil: number } | { error: string; status: 404 | 409 }> {
    return serial(async () => {
      const release = pendingRelease(await device());
      if (!release) return { error: 'no update is pending', status: 404 as const };
      const result = defer({ release, deferredUntil: state.deferrals[release.id] ?? null }, await device(), days);
      if ('error' in result) return { error: result.error, status: 409 as const };
      state.deferrals[release.id] = result.deferredUntil;
      await save();
      return result;
    });
  }

  async function installNow(): Promise<{ ok: boolean; message: string }> {
    const release = pendingRelease(await device());
    if (!release) return { ok: false, message: 'no update is pending' };
    installNowRequested = true;
    await tick();
    return { ok: true, message: `installing ${release.kind} ${release.version}` };
  }

  /** When to check again: every ota.poll_hours with up to 10% jitter; after failures, sooner, backing off from 5 minutes. */
  async function nextCheckInMs(random: number): Promise<number> {
    const hours = (await config().catch(() => null))?.pollHours ?? 6;
    const base = state.failures > 0 ? Math.min(hours * 3600_000, 5 * 60_000 * 2 ** (state.failures - 1)) : hours * 3600_000;
    return Math.round(base * (0.9 + 0.2 * random));
  }

  return { check, tick, view, nextCheckInMs, defer: deferPending, installNow, state: () => state, hasJob: () => state.job !== null };
}

export type UpdateService = Awaited<ReturnType<typeof createUpdateService>>;

/** GET /api/updates's reply. */
export type UpdatesJson = Awaited<ReturnType<UpdateService['view']>>;
