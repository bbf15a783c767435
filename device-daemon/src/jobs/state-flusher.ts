// Where usage state goes and when: the RAM copy (/tmp) on every change, so a
// daemon crash loses at most one tick; the flash copy on a budget, so a power
// cut loses at most one interval while the flash is not worn out. Flash writes:
// every `intervalMs`, and at once on rollover, top-up and policy change, within
// `maxPerDay` in any 24 h; the write at shutdown is always made. Other state
// that rides on the same schedule (the audit log) is written with it.
//
// A write that fails (a full or read-only flash, EIO) never stops the caller:
// it is logged once per change of condition, reported by `problem()` (the
// installers' notice), and retried with a growing wait (10 s, 20 s ... up to
// the interval), while the RAM journal keeps the count.
import type { StoredFile } from '../core/stored-file.ts';
import type { StorePort } from '../ports/types.ts';

export type FlushReason = 'interval' | 'rollover' | 'topup' | 'policy' | 'shutdown';

export type FlusherDeps<T> = {
  ram: StorePort;
  flash: StorePort;
  file: StoredFile<Saved<T>>;
  /** The flash store's own id: every copy carries it, so a RAM journal can be matched to its store. */
  storeId: string;
  monotonic: () => number;
  intervalMs: number;
  maxPerDay?: number;
  /**
   * How old the flash copy already is (Infinity: there is none). The interval
   * counts from it, so a restart does not put the next flash write off: a
   * daemon restarted more often than every interval would otherwise never
   * write, and a power cut would lose everything since the last SIGTERM.
   */
  lastFlashAgeMs?: number;
  /** Written to flash together with the state (they are on the RAM journal meanwhile). */
  alongside?: (() => Promise<void>)[];
  log: (line: string) => void;
};

const DAY = 86_400_000;
const FIRST_RETRY_MS = 10_000;

/** What is stored: the state with a sequence number shared by both copies, and the flash store it belongs to. */
export type Saved<T> = { seq: number; store?: string; data: T };

/** A store that keeps failing: where, why, since when (monotonic), and how many tries failed. */
export type StoreProblem = { where: 'flash' | 'ram'; reason: string; since: number; failures: number };

function reasonOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

export function createStateFlusher<T>(deps: FlusherDeps<T>, snapshot: () => T, startSeq = 0) {
  const maxPerDay = deps.maxPerDay ?? 48;
  let seq = startSeq;
  let latest: Saved<T> = { seq, store: deps.storeId, data: snapshot() };
  const take = (): Saved<T> => (latest = { seq: ++seq, store: deps.storeId, data: snapshot() });
  const flashWrites: number[] = [];
  let lastFlash = deps.monotonic() - (deps.lastFlashAgeMs ?? 0);
  let dirtyForFlash = false;
  const problems: { flash: StoreProblem | null; ram: StoreProblem | null } = { flash: null, ram: null };
  let retryAt = 0;
  let retryMs = FIRST_RETRY_MS;

  function budgetLeft(now: number): number {
    while (flashWrites.length && now - flashWrites[0]! > DAY) flashWrites.shift();
    return maxPerDay - flashWrites.length;
  }

  /** Runs a write; a failure is noted (logged when its reason changes), never thrown. */
  async function attempt(where: 'flash' | 'ram', write: () => Promise<void>): Promise<boolean> {
    try {
      await write();
    } catch (error) {
      const reason = reasonOf(error);
      const before = problems[where];
      if (before?.reason !== reason) deps.log(`state: cannot write the ${where === 'flash' ? 'flash copy' : 'RAM journal'} (${reason}); ${where === 'flash' ? 'the RAM journal keeps the count; retrying' : 'retrying'}`);
      problems[where] = { where, reason, since: before?.since ?? deps.monotonic(), failures: (before?.failures ?? 0) + 1 };
      return false;
    }
    if (problems[where]) deps.log(`state: the ${where === 'flash' ? 'flash copy' : 'RAM journal'} is written again (after ${problems[where]!.failures} failed tries)`);
    problems[where] = null;
    return true;
  }

  async function writeFlash(reason: FlushReason): Promise<boolean> {
    const now = deps.monotonic();
    if (reason !== 'shutdown' && budgetLeft(now) <= 0) {
      deps.log(`state: flash budget of ${maxPerDay} writes a day used; ${reason} write deferred`);
      return false;
    }
    if (reason !== 'shutdown' && problems.flash && now < retryAt) return false;
    const ok = await attempt('flash', async () => {
      await deps.flash.write(deps.file, latest);
      for (const write of deps.alongside ?? []) await write();
    });
    if (!ok) {
      retryAt = now + retryMs;
      retryMs = Math.min(retryMs * 2, Math.max(deps.intervalMs, FIRST_RETRY_MS));
      return false;
    }
    flashWrites.push(now);
    retryMs = FIRST_RETRY_MS;
    lastFlash = now;
    dirtyForFlash = false;
    return true;
  }

  const writeRam = () => attempt('ram', () => deps.ram.write(deps.file, take()));

  return {
    /** Called after every tick that changed state. */
    async changed(): Promise<void> {
      dirtyForFlash = true;
      await writeRam();
      const now = deps.monotonic();
      const due = now - lastFlash >= deps.intervalMs || (problems.flash !== null && now >= retryAt);
      if (due) await writeFlash('interval');
    },
    /** An event that must reach flash now (rollover, top-up, policy change, shutdown). */
    async flush(reason: FlushReason): Promise<boolean> {
      await writeRam();
      if (reason === 'shutdown' && !dirtyForFlash) {
        // The usage is on flash already; what rides along may not be.
        return attempt('flash', async () => {
          for (const write of deps.alongside ?? []) await write();
        });
      }
      return writeFlash(reason);
    },
    flashWritesToday: () => maxPerDay - budgetLeft(deps.monotonic()),
    /** The store that currently fails (flash first), or null. */
    problem: (): StoreProblem | null => problems.flash ?? problems.ram,
  };
}

export type StateFlusher = ReturnType<typeof createStateFlusher>;

/**
 * Picks the newer of the RAM and flash copies at start: after a daemon restart
 * the RAM copy is newer; after a reboot only flash is left. A store that cannot
 * be read at all counts as empty (the other one is used). A RAM copy written
 * for another flash store (another --state-dir sharing the RAM directory, or
 * one from before the store had an id) is not ours, however new: it is ignored.
 */
export async function loadNewest<T>(ram: StorePort, flash: StorePort, file: StoredFile<Saved<T>>, storeId: string, log: (line: string) => void): Promise<Saved<T> | null> {
  let fromRam = await ram.read(file).catch(() => null);
  const fromFlash = await flash.read(file).catch(() => null);
  if (fromRam && fromRam.store !== storeId) {
    log(`state: the RAM journal's ${file.name} belongs to another store (${fromRam.store ?? 'none'}, this one is ${storeId}); ignored`);
    fromRam = null;
  }
  if (fromRam && (!fromFlash || fromRam.seq >= fromFlash.seq)) return fromRam;
  return fromFlash;
}
