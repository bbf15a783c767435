// The installer's audit log: who changed what and when (sign-ins, passwords,
// Wi-Fi, plan, top-ups). Bounded, and kept across restarts in the flash store;
// every entry is also a log line. Passwords never reach it.
import type { AuditCode, AuditEntry } from '../api/audit.ts';
import type { StorePort } from '../ports/types.ts';

export type { AuditEntry };

/** Records who did what: the English sentence, and the code and params the page words. */
export type Audit = (role: string, event: string, code: AuditCode, params?: Record<string, string | number>) => void;

export const AUDIT_LIMIT = 200;

export async function createAuditLog(options: { store: StorePort; now: () => number; log: (line: string) => void; limit?: number }) {
  const limit = options.limit ?? AUDIT_LIMIT;
  let entries = ((await options.store.read('audit')) as AuditEntry[] | null) ?? [];
  let saving: Promise<void> = Promise.resolve();
  return {
    /** Records an event; writes are serialised so entries are never lost to a race. */
    record(role: string, event: string, code?: AuditCode, params: Record<string, string | number> = {}): Promise<void> {
      const entry: AuditEntry = { at: new Date(options.now()).toISOString(), role, event, ...(code ? { code, params } : {}) };
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
