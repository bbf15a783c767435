// The installer's audit log: who changed what and when (sign-ins, passwords,
// Wi-Fi, plan, top-ups). Bounded; every entry is also a log line; passwords
// never reach it. Entries go to the RAM journal at once and to flash with the
// usage state, on its schedule (at most 48 flash writes a day, and at
// shutdown), so a flood of sign-ins costs no flash writes.
import * as v from 'valibot';
import { defineStoredFile } from '../core/stored-file.ts';
import type { AuditCode, AuditEntry, AuditParams } from '../api/audit.ts';
import type { StorePort } from '../ports/types.ts';

export type { AuditEntry, AuditParams };

/** Records who did what: the English sentence, and the code and params the page words. */
export type Audit = (role: string, event: string, code: AuditCode, params?: AuditParams) => void;

export const AUDIT_LIMIT = 200;

/** What is stored: the entries and a sequence number that tells the newer of the RAM and flash copies. */
type AuditSaved = { seq: number; entries: AuditEntry[] };

// `code` and `params` are optional, so entries of either shape read under version 2 (no migration).
const params = v.pipe(
  v.record(v.pipe(v.string(), v.maxLength(32)), v.union([v.pipe(v.string(), v.maxLength(256)), v.number()])),
  v.check((p) => Object.keys(p).length <= 16, 'at most 16 params'),
);
const entry = v.object({
  at: v.pipe(v.string(), v.maxLength(64)),
  role: v.pipe(v.string(), v.maxLength(32)),
  event: v.pipe(v.string(), v.maxLength(1024)),
  code: v.optional(v.pipe(v.string(), v.maxLength(64))),
  params: v.optional(params),
});

export const AUDIT_FILE = defineStoredFile<AuditSaved>({
  name: 'audit',
  version: 2,
  schema: v.object({ seq: v.pipe(v.number(), v.safeInteger(), v.minValue(0)), entries: v.pipe(v.array(entry), v.maxLength(AUDIT_LIMIT)) }),
  // Version 1 was the bare list of entries, written to flash at every event.
  migrations: { 1: (data) => ({ seq: 0, entries: Array.isArray(data) ? data.slice(-AUDIT_LIMIT) : data }) },
  maxBytes: 512 * 1024,
});

export async function createAuditLog(options: {
  /** Flash: written by `flush()`, on the state's schedule. */
  store: StorePort;
  /** The RAM journal, written at every event; without one, every event goes to `store` at once. */
  ram?: StorePort;
  now: () => number;
  log: (line: string) => void;
  limit?: number;
}) {
  const limit = options.limit ?? AUDIT_LIMIT;
  const read = (store: StorePort | undefined) => store?.read(AUDIT_FILE).catch(() => null) ?? null;
  const [fromFlash, fromRam] = [await read(options.store), await read(options.ram)];
  let saved: AuditSaved = [fromRam, fromFlash].filter((s): s is AuditSaved => s !== null).sort((a, b) => b.seq - a.seq)[0] ?? { seq: 0, entries: [] };
  let dirty = fromRam !== null && (fromFlash === null || fromRam.seq > fromFlash.seq);
  const journal = options.ram ?? options.store;
  return {
    /** Records an event in the RAM journal (the store serialises the writes). */
    record(role: string, event: string, code?: AuditCode, params?: AuditParams): Promise<void> {
      const entry: AuditEntry = { at: new Date(options.now()).toISOString(), role, event, ...(code ? { code, params: params ?? {} } : {}) };
      saved = { seq: saved.seq + 1, entries: [...saved.entries, entry].slice(-limit) };
      dirty = options.ram !== undefined;
      options.log(`audit: ${role}: ${event}`);
      return journal.write(AUDIT_FILE, saved).catch((error: Error) => options.log(`audit: not saved: ${error.message}`));
    },
    /** Writes the entries to flash if any are new there (called when the state goes to flash). */
    async flush(): Promise<void> {
      if (!dirty) return;
      const snapshot = saved;
      await options.store.write(AUDIT_FILE, snapshot);
      if (saved === snapshot) dirty = false;
    },
    entries: (): readonly AuditEntry[] => saved.entries,
  };
}

export type AuditLog = Awaited<ReturnType<typeof createAuditLog>>;
