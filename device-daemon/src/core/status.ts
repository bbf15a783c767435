// GET /api/status, computed from what the shell holds. Pure: the time comes in.
import type { Notice, Status, UsageState } from '../features/status/schemas.ts';
import type { ModemStatus } from './device-data.ts';
import { daysLeft, type Cycle } from './billing-cycle.ts';
import type { PlanConfig } from './config.ts';
import { planState } from './enforcement.ts';
import type { Ledger } from './usage-ledger.ts';
import { signalBars } from './signal-bars.ts';

export type StatusInput = {
  now: number;
  timeTrusted: boolean;
  plan: PlanConfig;
  cycle: Cycle;
  ledger: Ledger;
  modem: ModemStatus;
  /** What the enforcement currently applies (not what it wants: a failed apply shows). */
  enforced: 'none' | 'throttled' | 'blocked';
  notices: Notice[];
};

export function buildStatus(input: StatusInput): Status {
  const { ledger, cycle, plan, modem } = input;
  const { used, allowance, overCap } = planState(plan, cycle, ledger);
  const warnAt = Math.min(...plan.alert_percent, 100);
  let state: UsageState = 'normal';
  if (input.enforced !== 'none') state = input.enforced;
  // A lapsed prepaid period has nothing left by rule; the overview says validity ended instead.
  else if (allowance !== null && !ledger.lapsed && used * 100 >= allowance * warnAt) state = 'warning';
  const notices: Notice[] = [...input.notices];
  for (const percent of ledger.alerts) {
    notices.push({ id: `alert-${percent}`, level: percent >= 100 ? 'warning' : 'info', code: 'usage-alert', params: { percent } });
  }
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
      timeZone: plan.timezone,
      cycleStart: new Date(cycle.start).toISOString(),
      cycleEnd: new Date(cycle.end).toISOString(),
      down: ledger.total.down,
      up: ledger.total.up,
      total: used,
      allowance,
      left: allowance === null ? null : Math.max(0, allowance - used),
      daysLeft: daysLeft(input.now, cycle, plan.timezone),
      state,
      overCap,
      validity:
        plan.cycle === 'prepaid'
          ? { endsAt: new Date(ledger.lapsed ? ledger.cycleStart : cycle.end).toISOString(), daysLeft: ledger.lapsed ? 0 : daysLeft(input.now, cycle, plan.timezone), lapsed: Boolean(ledger.lapsed) }
          : null,
    },
    plan: {
      policy: plan.policy,
      throttleDownKbit: plan.throttle_down_kbit,
      throttleUpKbit: plan.throttle_up_kbit,
      topupSizes: plan.topup_size,
      units: plan.units,
    },
    notices,
  };
}
