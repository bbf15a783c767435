// The 1 s sampling loop: read the WAN counters and the per-client table, turn
// readings into deltas (core), add them to the ledger (core), and roll the
// billing cycle over when trusted time says it has ended.
import { cycleAt, type Cycle, type CycleSpec } from '../core/billing-cycle.ts';
import type { PlanConfig } from '../core/config.ts';
import { counterDelta, type CounterReading, type DeltaNote } from '../core/counter-delta.ts';
import { periodChanges } from '../core/plan-change.ts';
import { lapse } from '../core/prepaid-validity.ts';
import { localDate } from '../core/zoned-time.ts';
import { addDeviceUsage, addUsage, closeAt, emptyLedger, reopen, rollover, settle, type Bytes, type Ledger } from '../core/usage-ledger.ts';
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
  const anchor = plan.cycle_anchor ? parseDate(plan.cycle_anchor) : localDate(now, timeZone);
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

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The ledger's own period as a Cycle: its bounds are the ledger's (a plan change or
 * a top-up moves them off the rule's dates); its share is the one stored with it,
 * else what the plan's rule gives a period with those bounds.
 */
export function periodOf(ledger: Ledger, plan: PlanConfig): Cycle {
  let share = ledger.allowanceShare;
  if (share === undefined) {
    const rule = cycleAt(ledger.cycleStart, cycleSpec(plan, ledger.cycleStart));
    share = rule.start === ledger.cycleStart && rule.end === ledger.cycleEnd ? rule.allowanceShare : 1;
  }
  return {
    start: ledger.cycleStart,
    end: ledger.cycleEnd,
    startDate: localDate(ledger.cycleStart, plan.timezone),
    endDate: localDate(ledger.cycleEnd, plan.timezone),
    allowanceShare: share,
  };
}

export function createUsageSampler(deps: SamplerDeps, initial: UsageState | null) {
  const now = deps.clock.now();
  const ruleCycle = (at: number) => cycleAt(at, cycleSpec(deps.plan(), at));
  // Without stored state and without trusted time (a first boot before NTP), the cycle is a guess.
  const fresh = () => ({ ...emptyLedger(ruleCycle(now)), ...(deps.clock.trusted() ? {} : { provisional: true }) });
  let state: UsageState = initial ?? { ledger: fresh(), wan: null, clients: {}, wanWallTime: now };
  /** The plan the open period was opened under. */
  let planInForce = deps.plan();
  if (initial?.wan) {
    // The stored reading was taken on the previous process's monotonic clock: move it
    // to ours, so that traffic while the daemon was down is bounded by the real gap.
    const gap = Math.min(Math.max(now - initial.wanWallTime, 0), WEEK);
    state = { ...state, wan: { ...initial.wan, at: deps.monotonic() - gap } };
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

  /** Keeps the open period on the trusted clock: settles a guess, follows a jump back, closes what has ended. */
  function placePeriod(now: number): void {
    if (!deps.clock.trusted()) return;
    const plan = deps.plan();
    let ledger = state.ledger;
    if (ledger.provisional) {
      ledger = settle(ledger, ruleCycle(now));
      deps.log(`usage: time is trusted; this cycle runs until ${iso(ledger.cycleEnd)}`);
    }
    if (now < ledger.cycleStart) {
      // The clock went back before the period began: never leave a period in the clock's future.
      ledger = reopen(ledger, ruleCycle(now));
      deps.log(`usage: the clock went back before the cycle began; the cycle of ${iso(now)} is open again, until ${iso(ledger.cycleEnd)}`);
    }
    if (now >= ledger.cycleEnd) {
      const closed = ledger.cycleStart;
      if (plan.cycle === 'prepaid') {
        ledger = lapse(ledger, now, plan.cycle_days, plan.timezone);
        deps.log(`usage: prepaid validity ended at ${iso(ledger.cycleStart)}; what was left is gone until a top-up`);
      } else {
        const rolled = rollover(ledger, ruleCycle(now));
        if (rolled !== ledger) deps.log(`usage: cycle ${iso(closed)} closed; new cycle until ${iso(rolled.cycleEnd)}`);
        ledger = rolled;
      }
    }
    if (ledger !== state.ledger) state = { ...state, ledger };
  }

  let notes: DeltaNote[] = [];
  // The period as a Cycle, computed again only when its bounds or the plan change (not every tick).
  let period: { key: string; plan: PlanConfig; cycle: Cycle } | null = null;
  function cycle(): Cycle {
    const plan = deps.plan();
    const { cycleStart, cycleEnd, allowanceShare } = state.ledger;
    const key = `${cycleStart} ${cycleEnd} ${allowanceShare}`;
    if (period?.key !== key || period.plan !== plan) period = { key, plan, cycle: periodOf(state.ledger, plan) };
    return period.cycle;
  }

  return {
    /** One sampling step. Returns true when the ledger changed. */
    async tick(): Promise<boolean> {
      const before = state.ledger;
      const now = deps.clock.now();
      placePeriod(now);
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
    /**
     * The plan changed (PUT /api/plan, SIGHUP). A new period rule or cap takes effect
     * now: the open period closes at this instant and the next runs under the new
     * rule until its next boundary. Returns what changed (empty: the period stays).
     */
    planChanged(): string[] {
      const after = deps.plan();
      const changed = periodChanges(planInForce, after);
      planInForce = after;
      if (changed.length === 0) return changed;
      const now = deps.clock.now();
      const next = ruleCycle(now);
      if (!deps.clock.trusted() || state.ledger.provisional) {
        // No trusted instant to close at: re-place the guess under the new rule.
        state = { ...state, ledger: { ...state.ledger, cycleStart: next.start, cycleEnd: next.end, provisional: true } };
      } else {
        const share = next.allowanceShare;
        state = { ...state, ledger: closeAt(state.ledger, now, { start: now, end: next.end, allowanceShare: share }) };
        deps.log(`usage: the plan changed (${changed.join(', ')}); the cycle closed at ${iso(now)}, the next runs until ${iso(next.end)}`);
      }
      return changed;
    },
    ledger: () => state.ledger,
    /** What the last tick noticed about the WAN interface (recreated, missing, ...). */
    notes: () => notes,
    /** Changes the ledger outside a tick (top-ups, corrections, alerts raised). */
    update(change: (ledger: Ledger) => Ledger): void {
      state = { ...state, ledger: change(state.ledger) };
    },
    cycle,
    /** What to store; it never changes in place, so it is safe to hand out. */
    state: () => state,
  };
}

export type UsageSampler = ReturnType<typeof createUsageSampler>;
