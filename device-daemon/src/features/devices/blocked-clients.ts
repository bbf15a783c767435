// The devices the household has blocked, kept in the flash store: the nftables
// table does not survive a reboot, so the list is put back in force at start.
import type { LanPort, StorePort } from '../../ports/types.ts';

export const BLOCKED_CLIENTS = 'blocked-clients';

/** Puts a stored block list back in force; with none stored there is nothing to do (or to load). */
export async function restoreBlocks(lan: LanPort, store: StorePort): Promise<void> {
  const blocked = ((await store.read(BLOCKED_CLIENTS)) as string[] | null) ?? [];
  if (blocked.length > 0) await lan.setBlocked(blocked);
}
