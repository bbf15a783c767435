// The month's usage: what the customer is billed on. Pure updates that return a
// new ledger; the shell decides when to store it.
import type { Cycle } from './billing-cycle.ts';
import { formatDate, toLocal } from './zoned-time.ts';

export type Bytes = { down: number; up: number };

export type Topup = { id: string; bytes: number; at: number; by: string };

/** The installer set our count to the operator's figure: kept with who and when. */
export type Correction = { at: number; by: string; operatorBytes: number; countedBytes: number };

export type PastCycle = Bytes & { start: number; end: number; adjust: number; topupBytes: number };

export type Ledger = {
  version: 1;
  /** The cycle these totals belong to (ms instants). */
  cycleStart: number;
  cycleEnd: number;
  /** Bytes the WAN counters moved this cycle. */
  total: Bytes;
  /** Sum of corrections: what is billed is down + up + adjust. */
  adjust: number;
  /** Local day (YYYY-MM-DD in the plan's zone) to bytes. */
  daily: Record<string, Bytes>;
  /** Client key (MAC or address) to bytes this cycle. */
  devices: Record<string, Bytes>;
  topups: Topup[];
  corrections: Correction[];
  /** Alert thresholds (percent) already raised this cycle: each is raised once. */
  alerts: number[];
  /**
   * The cycle was placed on untrusted time (a router that boots at its build date
   * before NTP): the first trusted tick moves it, with what it counted, to the
   * cycle of the real date instead of closing it.
   */
  provisional?: boolean;
  /**
   * Share of the plan's cap this period gets, when it is not what the plan's rule
   * gives for its dates (a prorated month). Absent: 1.
   */
  allowanceShare?: number;
  /** Prepaid validity has ended: what was left is gone until the next top-up. */
  lapsed?: boolean;
  /** Newest first, at most HISTORY_LENGTH. */
  history: PastCycle[];
};

export const HISTORY_LENGTH = 24;

/** A period to open: its bounds, and what sets it apart from a plain one. */
export type Period = Pick<Cycle, 'start' | 'end'> & { allowanceShare?: number; lapsed?: boolean };

export function emptyLedger(cycle: Period): Ledger {
  return {
    version: 1,
    cycleStart: cycle.start,
    cycleEnd: cycle.end,
    ...(cycle.allowanceShare !== undefined && cycle.allowanceShare !== 1 ? { allowanceShare: cycle.allowanceShare } : {}),
    ...(cycle.lapsed ? { lapsed: true } : {}),
    total: { down: 0, up: 0 },
    adjust: 0,
    daily: {},
    devices: {},
    topups: [],
    corrections: [],
    alerts: [],
    history: [],
  };
}

function add(a: Bytes | undefined, b: Bytes): Bytes {
  return { down: (a?.down ?? 0) + b.down, up: (a?.up ?? 0) + b.up };
}

/** Bytes used this cycle as billed: both directions plus corrections, never below zero. */
export function usedBytes(ledger: Ledger): number {
  return Math.max(0, ledger.total.down + ledger.total.up + ledger.adjust);
}

export function topupBytes(ledger: Ledger): number {
  return ledger.topups.reduce((sum, t) => sum + t.bytes, 0);
}

/** Adds WAN bytes counted at instant `ms` to the cycle total and that local day's bucket. */
export function addUsage(ledger: Ledger, bytes: Bytes, ms: number, timeZone: string): Ledger {
  if (bytes.down === 0 && bytes.up === 0) return ledger;
  const day = formatDate(toLocal(ms, timeZone));
  return { ...ledger, total: add(ledger.total, bytes), daily: { ...ledger.daily, [day]: add(ledger.daily[day], bytes) } };
}

/** Adds per-client bytes (from the accounting table) to the devices map. */
export function addDeviceUsage(ledger: Ledger, perDevice: Record<string, Bytes>): Ledger {
  const keys = Object.keys(perDevice).filter((k) => perDevice[k]!.down > 0 || perDevice[k]!.up > 0);
  if (keys.length === 0) return ledger;
  const devices = { ...ledger.devices };
  for (const key of keys) devices[key] = add(devices[key], perDevice[key]!);
  return { ...ledger, devices };
}

/** A top-up raises this cycle's allowance only; it lapses at rollover. */
export function addTopup(ledger: Ledger, topup: Topup): Ledger {
  return { ...ledger, topups: [...ledger.topups, topup] };
}

/** Sets the billed figure to what the operator reports, remembering who did it and when. */
export function correctTo(ledger: Ledger, operatorBytes: number, at: number, by: string): Ledger {
  const counted = usedBytes(ledger);
  const correction: Correction = { at, by, operatorBytes, countedBytes: counted };
  return {
    ...ledger,
    adjust: operatorBytes - (ledger.total.down + ledger.total.up),
    corrections: [...ledger.corrections, correction],
  };
}

/** Re-homes a provisional ledger in the cycle of trusted time, keeping everything it counted. */
export function settle(ledger: Ledger, cycle: Pick<Cycle, 'start' | 'end'>): Ledger {
  if (!ledger.provisional) return ledger;
  const { provisional: _, ...rest } = ledger;
  return { ...rest, cycleStart: cycle.start, cycleEnd: cycle.end };
}

export function markAlerts(ledger: Ledger, percents: number[]): Ledger {
  return percents.length === 0 ? ledger : { ...ledger, alerts: [...ledger.alerts, ...percents] };
}

/**
 * Closes the ledger's period at instant `end` into history and opens `next`.
 * Top-ups and corrections belong to the closed period: unused data never rolls over.
 */
export function closeAt(ledger: Ledger, end: number, next: Period): Ledger {
  const closed: PastCycle = {
    start: ledger.cycleStart,
    end,
    ...ledger.total,
    adjust: ledger.adjust,
    topupBytes: topupBytes(ledger),
  };
  return { ...emptyLedger(next), history: [closed, ...ledger.history].slice(0, HISTORY_LENGTH) };
}

/**
 * Closes the ledger's cycle at its end and opens `next`. Only when `next` starts
 * at or after that end, so a clock that jumps back never re-opens a cycle.
 */
export function rollover(ledger: Ledger, next: Period): Ledger {
  if (next.start < ledger.cycleEnd) return ledger;
  return closeAt(ledger, ledger.cycleEnd, next);
}

/**
 * The trusted clock went back before the open period began: the period of `now`
 * is opened again, holding what the open one counted and what the closed periods
 * that reach past its start had, so that no period lies in the clock's future and
 * nothing counted is lost.
 */
export function reopen(ledger: Ledger, cycle: Period): Ledger {
  const folded = ledger.history.filter((h) => h.end > cycle.start);
  const sum = (pick: (b: PastCycle) => number) => folded.reduce((n, h) => n + pick(h), 0);
  const { allowanceShare: _share, lapsed: _lapsed, ...kept } = ledger;
  const fresh = emptyLedger(cycle);
  return {
    ...kept,
    cycleStart: fresh.cycleStart,
    cycleEnd: fresh.cycleEnd,
    ...(fresh.allowanceShare === undefined ? {} : { allowanceShare: fresh.allowanceShare }),
    ...(fresh.lapsed ? { lapsed: true } : {}),
    total: { down: ledger.total.down + sum((h) => h.down), up: ledger.total.up + sum((h) => h.up) },
    adjust: ledger.adjust + sum((h) => h.adjust),
    history: ledger.history.filter((h) => h.end <= cycle.start),
  };
}
