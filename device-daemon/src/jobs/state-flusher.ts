// Where usage state goes and when: the RAM copy (/tmp) on every change, so a
// daemon crash loses at most one tick; the flash copy on a budget, so a power
// cut loses at most one interval while the flash is not worn out. Flash writes:
// every `intervalMs`, and at once on rollover, top-up and policy change, within
// `maxPerDay` in any 24 h; the write at shutdown is always made.
import type { StorePort } from '../ports/types.ts';

export type FlushReason = 'interval' | 'rollover' | 'topup' | 'policy' | 'shutdown';

export type FlusherDeps = {
  ram: StorePort;
  flash: StorePort;
  name: string;
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
  log: (line: string) => void;
};

const DAY = 86_400_000;

/** What is stored: the state with a sequence number shared by both copies, and the flash store it belongs to. */
export type Saved<T> = { seq: number; store?: string; data: T };

export function createStateFlusher<T>(deps: FlusherDeps, snapshot: () => T, startSeq = 0) {
  const maxPerDay = deps.maxPerDay ?? 48;
  let seq = startSeq;
  let latest: Saved<T> = { seq, store: deps.storeId, data: snapshot() };
  const take = (): Saved<T> => (latest = { seq: ++seq, store: deps.storeId, data: snapshot() });
  const flashWrites: number[] = [];
  let lastFlash = deps.monotonic() - (deps.lastFlashAgeMs ?? 0);
  let dirtyForFlash = false;

  function budgetLeft(now: number): number {
    while (flashWrites.length && now - flashWrites[0]! > DAY) flashWrites.shift();
    return maxPerDay - flashWrites.length;
  }

  async function writeFlash(reason: FlushReason): Promise<boolean> {
    const now = deps.monotonic();
    if (reason !== 'shutdown' && budgetLeft(now) <= 0) {
      deps.log(`state: flash budget of ${maxPerDay} writes a day used; ${reason} write deferred`);
      return false;
    }
    await deps.flash.write(deps.name, latest);
    flashWrites.push(now);
    lastFlash = now;
    dirtyForFlash = false;
    return true;
  }

  return {
    /** Called after every tick that changed state. */
    async changed(): Promise<void> {
      dirtyForFlash = true;
      await deps.ram.write(deps.name, take());
      if (deps.monotonic() - lastFlash >= deps.intervalMs) await writeFlash('interval');
    },
    /** An event that must reach flash now (rollover, top-up, policy change, shutdown). */
    async flush(reason: FlushReason): Promise<boolean> {
      await deps.ram.write(deps.name, take());
      if (reason === 'shutdown' && !dirtyForFlash) return true;
      return writeFlash(reason);
    },
    flashWritesToday: () => maxPerDay - budgetLeft(deps.monotonic()),
  };
}

/**
 * Picks the newer of the RAM and flash copies at start: after a daemon restart
 * the RAM copy is newer; after a reboot only flash is left. A RAM copy written
 * for another flash store (another --state-dir sharing the RAM directory, or
 * one from before the store had an id) is not ours, however new: it is ignored.
 */
export async function loadNewest<T>(ram: StorePort, flash: StorePort, name: string, storeId: string, log: (line: string) => void): Promise<Saved<T> | null> {
  let fromRam = (await ram.read(name)) as Saved<T> | null;
  const fromFlash = (await flash.read(name)) as Saved<T> | null;
  if (fromRam && fromRam.store !== storeId) {
    log(`state: the RAM journal's ${name} belongs to another store (${fromRam.store ?? 'none'}, this one is ${storeId}); ignored`);
    fromRam = null;
  }
  if (fromRam && (!fromFlash || fromRam.seq >= fromFlash.seq)) return fromRam;
  return fromFlash;
}
