// The installer's audit log: who changed what and when (sign-ins, passwords,
// Wi-Fi, plan, top-ups). Bounded, and kept across restarts in the flash store;
// every entry is also a log line. Passwords never reach it.
import type { StorePort } from '../ports/types.ts';

/**
 * `event` is the English sentence (logs, older entries); `key` and `params`, when
 * given, let the UI say it in the reader's language (its `ev.<key>` message).
 */
export type AuditEntry = { at: string; role: string; event: string; key?: string; params?: AuditParams };
export type AuditParams = Record<string, string | number>;

/** Records who did what; `key`/`params` let the UI translate it. */
export type Audit = (role: string, event: string, key?: string, params?: AuditParams) => void;

export const AUDIT_LIMIT = 200;

export async function createAuditLog(options: { store: StorePort; now: () => number; log: (line: string) => void; limit?: number }) {
  const limit = options.limit ?? AUDIT_LIMIT;
  let entries = ((await options.store.read('audit')) as AuditEntry[] | null) ?? [];
  let saving: Promise<void> = Promise.resolve();
  return {
    /** Records an event; writes are serialised so entries are never lost to a race. */
    record(role: string, event: string, key?: string, params?: AuditParams): Promise<void> {
      const entry: AuditEntry = { at: new Date(options.now()).toISOString(), role, event, ...(key ? { key, params: params ?? {} } : {}) };
      entries = [...entries, entry].slice(-limit);
      options.log(`audit: ${role}: ${event}`);
      const snapshot = entries;
      saving = saving.then(() => options.store.write('audit', snapshot)).catch((error: Error) => options.log(`audit: not saved: ${error.message}`));
      return saving;
    },
    entries: (): readonly AuditEntry[] => entries,
  };
}

export type AuditLog = Awaited<ReturnType<typeof createAuditLog>>;
