// The plan between its two forms: UCI options (how it is stored) and the JSON the
// API speaks. Pure, so both directions are tested without a device.
import type { PlanView } from '../features/plan/schemas.ts';
import type { UciCommand } from './device-data.ts';
import type { PlanConfig } from './config.ts';
import { formatSize } from './size.ts';

export function planToJson(plan: PlanConfig): PlanView {
  return {
    cycle: plan.cycle,
    cycleDay: plan.cycle_day,
    cycleDays: plan.cycle_days,
    cycleFirstDays: plan.cycle_first_days,
    cycleAnchor: plan.cycle_anchor ?? null,
    timezone: plan.timezone,
    cap: plan.cap === undefined || plan.cap === 'none' ? null : plan.cap,
    policy: plan.policy,
    throttleDownKbit: plan.throttle_down_kbit,
    throttleUpKbit: plan.throttle_up_kbit,
    alertPercent: plan.alert_percent,
    units: plan.units,
    topupSizes: plan.topup_size,
  };
}

/**
 * `uci batch` commands that store `plan` in section `pkg.plan`, replacing every
 * list whole. Sizes are written in the plan's unit family ("20GB", "20GiB"), which
 * is how the plan keeps it.
 */
export function planToUci(pkg: string, plan: PlanView): UciCommand[] {
  const size = (bytes: number) => formatSize(bytes, plan.units);
  const at = (option: string) => `${pkg}.plan.${option}`;
  const set = (option: string, value: string | number): UciCommand => ({ op: 'set', path: at(option), value: String(value) });
  const list = (option: string, values: (string | number)[]): UciCommand[] => [
    { op: 'delete', path: at(option) },
    ...values.map((value): UciCommand => ({ op: 'add_list', path: at(option), value: String(value) })),
  ];
  return [
    { op: 'set', path: `${pkg}.plan`, value: 'plan' },
    set('cycle', plan.cycle),
    set('cycle_day', plan.cycleDay),
    set('cycle_days', plan.cycleDays),
    set('cycle_first_days', plan.cycleFirstDays),
    plan.cycleAnchor === null ? { op: 'delete', path: at('cycle_anchor') } : set('cycle_anchor', plan.cycleAnchor),
    set('timezone', plan.timezone),
    set('cap', plan.cap === null ? 'none' : size(plan.cap)),
    set('policy', plan.policy),
    set('throttle_down_kbit', plan.throttleDownKbit),
    set('throttle_up_kbit', plan.throttleUpKbit),
    ...list('alert_percent', plan.alertPercent),
    ...list('topup_size', plan.topupSizes.map(size)),
  ];
}
