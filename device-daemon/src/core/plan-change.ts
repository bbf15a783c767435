// Which plan changes end the current period. A change of the period's rule (kind,
// day, length, start date, time zone) or of the cap takes effect at the instant it
// is made: the current period closes there and the next opens under the new rule.
// Policy, throttle rates, alerts and top-up offers change enforcement only.
import type { PlanConfig } from './config.ts';

const PERIOD_OPTIONS = ['cycle', 'cycle_day', 'cycle_days', 'cycle_anchor', 'cycle_first_days', 'timezone', 'cap'] as const;

/** The options among PERIOD_OPTIONS whose values differ (empty: the period stays). */
export function periodChanges(before: PlanConfig, after: PlanConfig): string[] {
  return PERIOD_OPTIONS.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
