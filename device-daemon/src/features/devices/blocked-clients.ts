// The devices the household has blocked, kept in the flash store: the nftables
// table does not survive a reboot, so the list is put back in force at start.
import * as v from 'valibot';
import { defineStoredFile } from '../../core/stored-file.ts';
import type { LanPort, StorePort } from '../../ports/types.ts';
import { MAC } from './schemas.ts';

/** The MACs (aa:bb:cc:dd:ee:ff) the household has blocked. */
export const BLOCKED_CLIENTS = defineStoredFile<string[]>({
  name: 'blocked-clients',
  version: 1,
  schema: v.pipe(v.array(v.pipe(v.string(), v.regex(MAC))), v.maxLength(1024)),
  maxBytes: 64 * 1024,
});

/** Puts a stored block list back in force; with none stored there is nothing to do (or to load). */
export async function restoreBlocks(lan: LanPort, store: StorePort): Promise<void> {
  const blocked = (await store.read(BLOCKED_CLIENTS)) ?? [];
  if (blocked.length > 0) await lan.setBlocked(blocked);
}
