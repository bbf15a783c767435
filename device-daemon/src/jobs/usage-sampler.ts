// The 1 s sampling loop: read the WAN counters and the per-client table, turn
// readings into deltas (core), add them to the ledger (core), and roll the
// billing cycle over when trusted time says it has ended.
import { cycleAt, type Cycle, type CycleSpec } from '../core/billing-cycle.ts';
import type { PlanConfig } from '../core/config.ts';
import { counterDelta, type CounterReading, type DeltaNote } from '../core/counter-delta.ts';
import { toLocal } from '../core/zoned-time.ts';
import { addDeviceUsage, addUsage, emptyLedger, rollover, settle, type Bytes, type Ledger } from '../core/usage-ledger.ts';
import type { AccountingPort, Clock, CountersPort } from '../ports/types.ts';

/** What must survive a restart: the ledger and the readings the next deltas start from. */
export type UsageState = {
  ledger: Ledger;
  wan: CounterReading | null;
  clients: Record<string, Bytes>;
  /** Wall time of the `wan` reading: after a restart it rebases the monotonic `at`. */
  wanWallTime: number;
};

const WEEK = 7 * 86_400_000;

export type SamplerDeps = {
  counters: CountersPort;
  accounting: AccountingPort;
  clock: Clock;
  monotonic: () => number;
  wanDevice: string;
  plan: () => PlanConfig;
  maxBytesPerSecond: number;
  /** The sampling tick (poll_ms): how close to 2^32 a counter must have been to wrap. */
  tickMs: number;
  log: (line: string) => void;
};

/** The plan's cycle rule; periods without an anchor date count from today. */
export function cycleSpec(plan: PlanConfig, now: number): CycleSpec {
  const timeZone = plan.timezone;
  const anchor = plan.cycle_anchor ? parseDate(plan.cycle_anchor) : toLocal(now, timeZone);
  switch (plan.cycle) {
    case 'monthly':
      return { kind: 'monthly', day: plan.cycle_day, timeZone };
    case 'calendar':
      return { kind: 'calendar', timeZone, activated: plan.cycle_anchor ? anchor : null, firstDays: plan.cycle_first_days || null };
    case 'days':
      return { kind: 'days', days: plan.cycle_days, anchor, timeZone };
    case 'prepaid':
      // Validity runs from the anchor (activation) until top-ups move it.
      return { kind: 'prepaid', days: plan.cycle_days, lastTopup: anchor, timeZone };
  }
}

function parseDate(iso: string) {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

export function createUsageSampler(deps: SamplerDeps, initial: UsageState | null) {
  const now = deps.clock.now();
  let cycle: Cycle = cycleAt(now, cycleSpec(deps.plan(), now));
  // Without stored state and without trusted time (a first boot before NTP), the cycle is a guess.
  const fresh = () => ({ ...emptyLedger(cycle), ...(deps.clock.trusted() ? {} : { provisional: true }) });
  let state: UsageState = initial ?? { ledger: fresh(), wan: null, clients: {}, wanWallTime: now };
  if (initial) {
    cycle = { ...cycle, start: initial.ledger.cycleStart, end: initial.ledger.cycleEnd };
    // The stored reading was taken on the previous process's monotonic clock: move it
    // to ours, so that traffic while the daemon was down is bounded by the real gap.
    const gap = Math.min(Math.max(now - initial.wanWallTime, 0), WEEK);
    if (initial.wan) state = { ...state, wan: { ...initial.wan, at: deps.monotonic() - gap } };
  }

  async function sampleClients(): Promise<Record<string, Bytes>> {
    const rows = await deps.accounting.read();
    const perDevice: Record<string, Bytes> = {};
    const clients: Record<string, Bytes> = {};
    for (const row of rows) {
      const prev = state.clients[row.key];
      clients[row.key] = { down: row.downBytes, up: row.upBytes };
      // A counter that went down means the table was re-created: count from its zero.
      const down = prev && row.downBytes >= prev.down ? row.downBytes - prev.down : row.downBytes;
      const up = prev && row.upBytes >= prev.up ? row.upBytes - prev.up : row.upBytes;
      if (prev || state.wan) perDevice[row.key] = { down, up };
    }
    state = { ...state, clients };
    return perDevice;
  }

  let notes: DeltaNote[] = [];

  return {
    /** One sampling step. Returns true when the ledger changed. */
    async tick(): Promise<boolean> {
      const before = state.ledger;
      const now = deps.clock.now();
      if (deps.clock.trusted() && state.ledger.provisional) {
        cycle = cycleAt(now, cycleSpec(deps.plan(), now));
        state = { ...state, ledger: settle(state.ledger, cycle) };
        deps.log(`usage: time is trusted; this cycle runs until ${new Date(cycle.end).toISOString()}`);
      }
      if (deps.clock.trusted() && now >= state.ledger.cycleEnd) {
        const next = cycleAt(now, cycleSpec(deps.plan(), now));
        const rolled = rollover(state.ledger, next);
        if (rolled !== state.ledger) {
          deps.log(`usage: cycle ${new Date(state.ledger.cycleStart).toISOString()} closed; new cycle until ${new Date(next.end).toISOString()}`);
          cycle = next;
          state = { ...state, ledger: rolled };
        }
      }
      const raw = await deps.counters.read(deps.wanDevice);
      const reading = raw && { ...raw, at: deps.monotonic() };
      const delta = counterDelta(state.wan, reading, { maxBytesPerSecond: deps.maxBytesPerSecond, tickMs: deps.tickMs });
      notes = delta.notes;
      for (const note of delta.notes) {
        if (note === 'rebooted' || note === 'recreated' || note === 'wrap' || note === 'reset' || note === 'clamped')
          deps.log(`usage: ${deps.wanDevice} counters ${note} (counted ${delta.down} down, ${delta.up} up)`);
      }
      let ledger = addUsage(state.ledger, delta, now, deps.plan().timezone);
      ledger = addDeviceUsage(ledger, await sampleClients());
      state = reading ? { ...state, ledger, wan: reading, wanWallTime: now } : { ...state, ledger };
      return state.ledger !== before;
    },
    ledger: () => state.ledger,
    /** What the last tick noticed about the WAN interface (recreated, missing, ...). */
    notes: () => notes,
    /** Changes the ledger outside a tick (top-ups, corrections, alerts raised). */
    update(change: (ledger: Ledger) => Ledger): void {
      state = { ...state, ledger: change(state.ledger) };
    },
    cycle: () => cycle,
    /** What to store; it never changes in place, so it is safe to hand out. */
    state: () => state,
  };
}

export type UsageSampler = ReturnType<typeof createUsageSampler>;
