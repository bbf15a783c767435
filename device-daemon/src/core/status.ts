// GET /api/status, computed from what the shell holds. Pure: the time comes in.
import type { Notice, Status, UsageState } from '../api/status.ts';
import type { ModemStatus } from '../ports/types.ts';
import { daysLeft, type Cycle } from './billing-cycle.ts';
import type { PlanConfig } from './config.ts';
import type { Ledger } from './usage-ledger.ts';
import { signalBars } from './signal-bars.ts';

export type StatusInput = {
  now: number;
  timeTrusted: boolean;
  plan: PlanConfig;
  cycle: Cycle;
  ledger: Ledger;
  modem: ModemStatus;
  /** What the enforcement currently applies. */
  enforced: 'none' | 'throttled' | 'blocked';
  notices: Notice[];
};

/** Cap for this cycle (prorated for a short first period), or null without a cap. */
export function allowance(plan: PlanConfig, cycle: Cycle): number | null {
  if (plan.cap === undefined || plan.cap === 'none') return null;
  return Math.floor(plan.cap * cycle.allowanceShare);
}

export function buildStatus(input: StatusInput): Status {
  const { ledger, cycle, plan, modem } = input;
  const total = ledger.total.down + ledger.total.up;
  const cap = allowance(plan, cycle);
  const warnAt = Math.min(...plan.alert_percent) / 100;
  let state: UsageState = 'normal';
  if (input.enforced === 'throttled') state = 'throttled';
  else if (input.enforced === 'blocked') state = 'blocked';
  else if (cap !== null && total >= cap * warnAt) state = 'warning';
  return {
    time: new Date(input.now).toISOString(),
    timeTrusted: input.timeTrusted,
    connection: {
      state: modem.state,
      operator: modem.operator,
      technology: modem.technology,
      roaming: modem.roaming,
      bars: signalBars(modem.signal),
      rsrp: modem.signal.rsrp,
      rsrq: modem.signal.rsrq,
      sinr: modem.signal.sinr,
    },
    usage: {
      cycleStart: new Date(cycle.start).toISOString(),
      cycleEnd: new Date(cycle.end).toISOString(),
      down: ledger.total.down,
      up: ledger.total.up,
      total,
      allowance: cap,
      left: cap === null ? null : Math.max(0, cap - total),
      daysLeft: daysLeft(input.now, cycle),
      state,
    },
    plan: { policy: plan.policy, throttleDownKbit: plan.throttle_down_kbit, throttleUpKbit: plan.throttle_up_kbit },
    notices: input.notices,
  };
}
