// The month's usage: what the customer is billed on. Pure updates that return a
// new ledger; the shell decides when to store it.
import type { Cycle } from './billing-cycle.ts';
import { formatDate, toLocal } from './zoned-time.ts';

export type Bytes = { down: number; up: number };

export type PastCycle = Bytes & { start: number; end: number };

export type Ledger = {
  version: 1;
  /** The cycle these totals belong to (ms instants). */
  cycleStart: number;
  cycleEnd: number;
  total: Bytes;
  /** Local day (YYYY-MM-DD in the plan's zone) to bytes. */
  daily: Record<string, Bytes>;
  /** Client key (MAC or address) to bytes this cycle. */
  devices: Record<string, Bytes>;
  /** Newest first, at most HISTORY_LENGTH. */
  history: PastCycle[];
};

export const HISTORY_LENGTH = 24;

export function emptyLedger(cycle: Cycle): Ledger {
  return { version: 1, cycleStart: cycle.start, cycleEnd: cycle.end, total: { down: 0, up: 0 }, daily: {}, devices: {}, history: [] };
}

function add(a: Bytes | undefined, b: Bytes): Bytes {
  return { down: (a?.down ?? 0) + b.down, up: (a?.up ?? 0) + b.up };
}

/** Adds WAN bytes counted at instant `ms` to the cycle total and that local day's bucket. */
export function addUsage(ledger: Ledger, bytes: Bytes, ms: number, timeZone: string): Ledger {
  if (bytes.down === 0 && bytes.up === 0) return ledger;
  const day = formatDate(toLocal(ms, timeZone));
  return { ...ledger, total: add(ledger.total, bytes), daily: { ...ledger.daily, [day]: add(ledger.daily[day], bytes) } };
}

/** Adds per-client bytes (from the accounting table) to the devices map. */
export function addDeviceUsage(ledger: Ledger, perDevice: Record<string, Bytes>): Ledger {
  const keys = Object.keys(perDevice);
  if (keys.length === 0) return ledger;
  const devices = { ...ledger.devices };
  for (const key of keys) devices[key] = add(devices[key], perDevice[key]!);
  return { ...ledger, devices };
}

/**
 * Closes the ledger's cycle and opens `next`. Called only when `next` starts at or
 * after the ledger's cycle end, so a clock that jumps back never re-opens a cycle.
 */
export function rollover(ledger: Ledger, next: Cycle): Ledger {
  if (next.start < ledger.cycleEnd) return ledger;
  const closed: PastCycle = { start: ledger.cycleStart, end: ledger.cycleEnd, ...ledger.total };
  return { ...emptyLedger(next), history: [closed, ...ledger.history].slice(0, HISTORY_LENGTH) };
}
