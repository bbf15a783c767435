// ISP notices shown as banners (installers see every notice, customers those
// meant for everyone or for customers). A notice the device accepted stays until its
// own end date, even when later manifests expire or cannot be fetched: a
// customer told that their account moved must keep seeing whom to call.
import type { Notice } from './manifest.ts';

export type Viewer = 'customer' | 'installer';

export function noticesFor(notices: readonly Notice[], viewer: Viewer, now: number): Notice[] {
  return notices.filter(
    (n) => n.from <= now && now < n.until && (n.audience !== 'installers' || viewer === 'installer'),
  );
}

/**
 * The notices to keep after accepting a new list: the new list wins for every
 * notice it names; a notice it no longer names was withdrawn by the ISP.
 * Notices past their end are dropped.
 */
export function keptNotices(accepted: readonly Notice[], now: number): Notice[] {
  return accepted.filter((n) => n.until > now);
}
