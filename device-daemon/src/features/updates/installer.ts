// Installing a verified file, and finishing or undoing an install after a
// restart, a power cut or a failed health check. The job is written to flash
// before each step, so that the next boot knows where it stopped.
import { copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Release } from '../../core/ota/manifest.ts';
import { readIpk } from '../../ports/ota/ipk.ts';
import type { FirmwarePort, PackagePort } from '../../ports/ota/types.ts';
import type { HistoryEntry, Job, UpdatesState } from './state.ts';

export const HEALTH_DEADLINE_MS = 5 * 60_000;

export type InstallerDeps = {
  packageName: string;
  packages: PackagePort;
  firmware: FirmwarePort;
  /** Kept copies of installed packages, for rollback: `<dir>/modem-admin_<version>.ipk`. */
  keptDir: string;
  now: () => number;
  save: () => Promise<void>;
  /** Flushes the usage state to flash before anything that may stop the daemon. */
  flushState: () => Promise<void>;
  /** The running daemon answers, has loaded its state and completed a tick. */
  healthy: () => Promise<boolean>;
  log: (line: string) => void;
};

const kept = (deps: InstallerDeps, version: string) => join(deps.keptDir, `${deps.packageName}_${version}.ipk`);

function finish(state: UpdatesState, deps: InstallerDeps, job: Job, result: HistoryEntry['result'], detail: string) {
  state.history = [{ at: deps.now(), releaseId: job.releaseId, kind: job.kind, version: job.version, from: job.from, result, detail }, ...state.history].slice(0, 50);
  state.job = null;
  deps.log(`updates: ${job.kind} ${job.version}: ${result}${detail ? ` (${detail})` : ''}`);
}

async function installedVersion(deps: InstallerDeps): Promise<string | null> {
  const s = await deps.packages.status(deps.packageName);
  return s && s.state === 'installed' ? s.version : null;
}

async function rollback(state: UpdatesState, deps: InstallerDeps, job: Job, why: string): Promise<void> {
  state.job = { ...job, phase: 'rolling-back' };
  await deps.save();
  if (!job.backup) {
    finish(state, deps, job, 'failed', `${why}; no copy of ${job.from} was kept to roll back to`);
    return;
  }
  const result = await deps.packages.install(job.backup, { forceDowngrade: true }).catch((e: Error) => ({ code: -1, stdout: '', stderr: e.message }));
  const now = await installedVersion(deps);
  if (now !== job.from) {
    finish(state, deps, job, 'failed', `${why}; the rollback to ${job.from} did not take (${firstLine(result.stdout + result.stderr)})`);
    return;
  }
  finish(state, deps, job, 'rolled-back', why);
  await deps.packages.restartService();
}

const firstLine = (text: string) => text.trim().split('\n').find((l) => l.trim() && !/^Collected errors/.test(l))?.trim() ?? 'no output';

/**
 * The package to roll back to: the copy kept from the last update, else the
 * running package rebuilt from opkg's records (the factory's has no copy).
 * Null, with a log line, when neither is possible.
 */
async function keepRunning(deps: InstallerDeps, from: string): Promise<string | null> {
  const file = kept(deps, from);
  if ((await readdir(deps.keptDir).catch(() => [] as string[])).includes(`${deps.packageName}_${from}.ipk`)) return file;
  try {
    const ipk = await deps.packages.repack(deps.packageName);
    const version = readIpk(ipk).control.Version;
    if (version !== from) throw new Error(`the rebuilt package says ${version}, opkg's status ${from}`);
    await mkdir(deps.keptDir, { recursive: true });
    await writeFile(`${file}.tmp`, ipk);
    await rename(`${file}.tmp`, file);
    return file;
  } catch (error) {
    deps.log(`updates: no package of ${from} to roll back to: ${(error as Error).message}`);
    return null;
  }
}

/** Our own package: keep the old one, flush, opkg install, read opkg's status, restart, then health. */
export async function installPackage(state: UpdatesState, deps: InstallerDeps, release: Release, file: string): Promise<void> {
  const from = (await installedVersion(deps)) ?? 'unknown';
  const backup = await keepRunning(deps, from);
  const job: Job = { releaseId: release.id, kind: 'package', version: release.version, from, phase: 'installing', deadline: null, backup, file };
  state.job = job;
  await deps.flushState();
  await deps.save();
  const result = await deps.packages.install(file).catch((e: Error) => ({ code: -1, stdout: '', stderr: e.message }));
  await continuePackage(state, deps, job, firstLine(result.stdout + result.stderr));
}

async function continuePackage(state: UpdatesState, deps: InstallerDeps, job: Job, opkgSaid: string): Promise<void> {
  const now = await installedVersion(deps);
  if (now !== job.version) {
    await rollback(state, deps, job, `opkg did not install ${job.version} (${opkgSaid})`);
    return;
  }
  await mkdir(deps.keptDir, { recursive: true });
  await copyFile(job.file, kept(deps, job.version));
  state.job = { ...job, phase: 'awaiting-health', deadline: deps.now() + HEALTH_DEADLINE_MS };
  await deps.save();
  await deps.packages.restartService();
}

/**
 * Moves an unfinished job on: at every boot and every minute while one is
 * open. An install the power cut is finished (when opkg's status shows the
 * new version whole) or rolled back; a new daemon proves its health or is
 * rolled back at the deadline; a flashed firmware reports what booted.
 */
export async function resumeJob(state: UpdatesState, deps: InstallerDeps, runningFirmware: () => Promise<string>): Promise<void> {
  const job = state.job;
  if (!job) return;
  switch (job.phase) {
    case 'installing':
      await continuePackage(state, deps, job, 'interrupted');
      return;
    case 'rolling-back':
      await rollback(state, deps, job, 'interrupted rollback');
      return;
    case 'awaiting-health': {
      if ((await installedVersion(deps)) === job.version && (await deps.healthy())) {
        finish(state, deps, job, 'installed', '');
        await pruneKept(deps, [job.version, job.from]);
        await deps.save();
        return;
      }
      if (deps.now() > (job.deadline ?? 0)) await rollback(state, deps, job, 'no health check within 5 minutes');
      return;
    }
    case 'flashing': {
      const running = await runningFirmware();
      if (running === job.version) finish(state, deps, job, 'installed', '');
      else finish(state, deps, job, 'failed', `booted ${running}, not ${job.version}`);
      await deps.save();
      return;
    }
  }
}

async function pruneKept(deps: InstallerDeps, keep: string[]): Promise<void> {
  const names = new Set(keep.map((v) => `${deps.packageName}_${v}.ipk`));
  for (const name of await readdir(deps.keptDir).catch(() => [] as string[])) if (!names.has(name)) await rm(join(deps.keptDir, name), { force: true });
}

/** Firmware: sysupgrade -T first; then flush, record, and flash keeping the configuration. */
export async function installFirmware(state: UpdatesState, deps: InstallerDeps, release: Release, file: string): Promise<void> {
  const running = await deps.firmware.running();
  const job: Job = { releaseId: release.id, kind: 'firmware', version: release.version, from: running.version, phase: 'flashing', deadline: null, backup: null, file };
  const test = await deps.firmware.test(file);
  if (test.code !== 0) {
    finish(state, deps, job, 'failed', `sysupgrade -T refused the image: ${firstLine(test.stdout + test.stderr)}`);
    await deps.save();
    return;
  }
  // sysupgrade's second stage kills every process 3 s in: state goes to flash first.
  await deps.flushState();
  state.job = job;
  await deps.save();
  await deps.firmware.flash(file);
}
