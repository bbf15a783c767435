// When a pending update installs, and what the customer may do about it. A
// release becomes visible `noticeDays` before its earliest install date; it
// then installs in the device's first window slot after that date, or after
// the date a customer deferred it to. A customer may defer up to the release's
// limit; a critical release, or one the device must take because it runs a
// version below the release's minimum, cannot be deferred. Nothing installs
// on an untrusted clock.
import type { Release } from './manifest.ts';
import { compareVersions } from './opkg-version.ts';
import { inRollout } from './rollout.ts';
import { nextSlot, type WindowConfig, type WindowSlot } from './install-window.ts';

const DAY = 86_400_000;

export type Device = { id: string; board: string; versions: { package: string; firmware: string } };

/** Why a release is not for this device, or null when it is. */
export function notForDevice(release: Release, device: Device): string | null {
  const current = device.versions[release.kind];
  if (compareVersions(release.version, current) <= 0) return `not newer than ${current}`;
  if (release.kind === 'firmware' && !release.boards.includes(device.board)) return `not for board ${device.board}`;
  if (!inRollout(device.id, release.rollout)) return 'outside the rollout';
  return null;
}

export function mustTake(release: Release, device: Device): boolean {
  return release.critical || (release.minVersion !== undefined && compareVersions(device.versions[release.kind], release.minVersion) < 0);
}

/** The latest date a customer may push the install to. */
export function deferLimit(release: Release, device: Device): number {
  return mustTake(release, device) ? release.earliestInstall : release.earliestInstall + release.maxDeferDays * DAY;
}

export type Pending = {
  release: Release;
  /** When the customer pushed the install to, if they did. */
  deferredUntil: number | null;
};

export type PendingView = {
  visible: boolean;
  slot: WindowSlot;
  canDefer: boolean;
  /** The furthest a deferral may reach, as an instant. */
  deferLimit: number;
};

export function viewPending(p: Pending, device: Device, now: number, window: WindowConfig): PendingView {
  const after = Math.max(p.release.earliestInstall, p.deferredUntil ?? 0);
  let slot = nextSlot(after, window, device.id, p.release.durationMinutes);
  // A slot missed (the device was off, or the clock untrusted): the next one from now.
  if (now >= slot.end) slot = nextSlot(now, window, device.id, p.release.durationMinutes);
  const limit = deferLimit(p.release, device);
  return {
    visible: now >= p.release.earliestInstall - p.release.noticeDays * DAY,
    slot,
    canDefer: !mustTake(p.release, device) && after + DAY <= limit,
    deferLimit: limit,
  };
}

/** The new deferral after the customer asks for `days` more, or an error to show. */
export function defer(p: Pending, device: Device, days: number): { deferredUntil: number } | { error: string } {
  if (mustTake(p.release, device)) return { error: p.release.critical ? 'a critical update cannot be deferred' : 'this update is required and cannot be deferred' };
  const from = Math.max(p.release.earliestInstall, p.deferredUntil ?? 0);
  const until = from + days * DAY;
  if (until > deferLimit(p.release, device)) return { error: `this update may be deferred by at most ${p.release.maxDeferDays} days` };
  return { deferredUntil: until };
}

/** Whether the install is due now: trusted clock, the slot reached, still inside its window. */
export function installDue(p: Pending, device: Device, clock: { now: number; trusted: boolean }, window: WindowConfig): boolean {
  if (!clock.trusted) return false;
  const slot = viewPending(p, device, clock.now, window).slot;
  return clock.now >= slot.at && clock.now < slot.end;
}
