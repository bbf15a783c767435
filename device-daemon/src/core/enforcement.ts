// What the plan says the line should be now: the desired shaper and block state
// and the alert thresholds just crossed. The shell applies only the difference.
import type { PlanConfig } from './config.ts';
import type { Cycle } from './billing-cycle.ts';
import { topupBytes, usedBytes, type Ledger } from './usage-ledger.ts';

export type Desired = {
  shaper: { downKbit: number; upKbit: number } | null;
  blocked: boolean;
};

export type PlanState = {
  used: number;
  /** Cap (prorated for a short first period) plus this cycle's top-ups; null without a cap. */
  allowance: number | null;
  overCap: boolean;
  desired: Desired;
  /** Thresholds (percent of the allowance) reached and not yet raised this cycle. */
  newAlerts: number[];
};

/** This cycle's allowance: the cap times the cycle's share, plus top-ups; nothing once prepaid validity has lapsed. */
export function allowanceOf(plan: PlanConfig, cycle: Pick<Cycle, 'allowanceShare'>, ledger: Ledger): number | null {
  if (ledger.lapsed) return 0;
  if (plan.cap === undefined || plan.cap === 'none') return null;
  return Math.floor(plan.cap * cycle.allowanceShare) + topupBytes(ledger);
}

export function planState(plan: PlanConfig, cycle: Pick<Cycle, 'allowanceShare'>, ledger: Ledger): PlanState {
  const used = usedBytes(ledger);
  const allowance = allowanceOf(plan, cycle, ledger);
  if (ledger.lapsed) {
    // Not a cap reached but validity ended. The operator stops a lapsed line
    // itself; we add a block of our own only when the plan says block.
    return { used, allowance, overCap: false, desired: { shaper: null, blocked: plan.policy === 'block' }, newAlerts: [] };
  }
  const overCap = allowance !== null && used >= allowance;
  const desired: Desired = {
    shaper: overCap && plan.policy === 'throttle' ? { downKbit: plan.throttle_down_kbit, upKbit: plan.throttle_up_kbit } : null,
    blocked: overCap && plan.policy === 'block',
  };
  const newAlerts =
    allowance === null || allowance === 0
      ? []
      : plan.alert_percent.filter((p) => !ledger.alerts.includes(p) && used * 100 >= allowance * p).sort((a, b) => a - b);
  return { used, allowance, overCap, desired, newAlerts };
}

export function sameDesired(a: Desired | null, b: Desired): boolean {
  return (
    a !== null &&
    a.blocked === b.blocked &&
    a.shaper?.downKbit === b.shaper?.downKbit &&
    a.shaper?.upKbit === b.shaper?.upKbit
  );
}
