// What the updater keeps on flash (one store file, "updates"): the device's
// random id, the keys and documents it accepted, the releases and notices
// they carried, deferrals, downloads, the install in progress (so a power cut
// is finished or undone at the next boot) and the history.
import * as v from 'valibot';
import type { Notice, Release } from '../../core/ota/manifest.ts';
import type { Accepted, StoredKeys } from '../../core/ota/verify.ts';
import { defineStoredFile } from '../../core/stored-file.ts';
import type { StorePort } from '../../ports/types.ts';

export type Job = {
  releaseId: string;
  kind: 'package' | 'firmware';
  version: string;
  /** The version before: what a rollback goes back to. */
  from: string;
  phase: 'installing' | 'awaiting-health' | 'rolling-back' | 'flashing';
  /** Until when the new daemon may take to prove its health. */
  deadline: number | null;
  /** A copy of the package before, or null when none was kept. */
  backup: string | null;
  file: string;
};

export type HistoryEntry = { at: number; releaseId: string; kind: 'package' | 'firmware'; version: string; from: string; result: 'installed' | 'rolled-back' | 'failed'; detail: string };

export type UpdatesState = {
  format: 1;
  deviceId: string;
  keys: StoredKeys | null;
  manifest: Accepted;
  manifestExpires: number | null;
  notices: Accepted;
  etags: Partial<Record<'keys' | 'manifest' | 'notices', string>>;
  releases: Release[];
  noticeList: Notice[];
  deferrals: Record<string, number>;
  downloaded: Record<string, string>;
  job: Job | null;
  history: HistoryEntry[];
  lastCheck: { at: number; ok: boolean; message: string } | null;
  failures: number;
  updaterBytes: number;
};

export function freshState(deviceId: string): UpdatesState {
  return {
    format: 1,
    deviceId,
    keys: null,
    manifest: null,
    manifestExpires: null,
    notices: null,
    etags: {},
    releases: [],
    noticeList: [],
    deferrals: {},
    downloaded: {},
    job: null,
    history: [],
    lastCheck: null,
    failures: 0,
    updaterBytes: 0,
  };
}

// The store checks its own checksum and this shape; fields it does not name are kept.
const Stored = v.looseObject({ format: v.literal(1), deviceId: v.pipe(v.string(), v.minLength(16)), history: v.array(v.unknown()), releases: v.array(v.unknown()) });

/** The updater's stored file: small (keys, a few releases and notices, a bounded history). */
export const UPDATES_FILE = defineStoredFile<UpdatesState>({
  name: 'updates',
  version: 1,
  schema: Stored as unknown as v.GenericSchema<unknown, UpdatesState>,
  maxBytes: 1024 * 1024,
});

export async function loadState(store: StorePort, newId: () => string, log: (line: string) => void): Promise<UpdatesState> {
  const raw = await store.read(UPDATES_FILE).catch((error: Error) => {
    log(`updates: stored state unreadable (${error.message}); starting over with a new channel state`);
    return null;
  });
  if (raw === null) return freshState(newId());
  return { ...freshState(raw.deviceId), ...raw };
}
