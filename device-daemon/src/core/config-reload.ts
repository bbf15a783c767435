// What a configuration reload (SIGHUP, procd's reload trigger) changes. Options
// read once at start keep their running value until a restart, so that the live
// configuration says what the daemon really does.
import type { Config } from './config.ts';

/** Options read once at start: a reload logs that they wait for a restart. */
const RESTART_OPTIONS = new Set(['main.listen', 'main.allow_any_address', 'main.wan_device', 'main.lan_device', 'main.flush_minutes', 'main.max_link_mbit']);

/** section.option names whose checked values differ (never the values: one is a password hash). */
export function changedOptions(before: Config, after: Config): string[] {
  const keys: string[] = [];
  for (const [name, section] of [['main', 'daemon'], ['plan', 'plan']] as const) {
    const a = before[section] as Record<string, unknown>;
    const b = after[section] as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) keys.push(`${name}.${key}`);
    }
  }
  // The operator's codes change as a whole (balance, ussd and topup sections).
  if (JSON.stringify(before.modem) !== JSON.stringify(after.modem)) keys.push('modem');
  return keys.sort();
}

export type Reload = { config: Config; changed: string[]; needRestart: string[]; planChanged: boolean };

/** The configuration to run with after reading `next`, and what that changed. */
export function reloadConfig(current: Config, next: Config): Reload {
  const changed = changedOptions(current, next);
  const needRestart = changed.filter((key) => RESTART_OPTIONS.has(key));
  const daemon = { ...next.daemon } as Record<string, unknown>;
  for (const key of needRestart) daemon[key.slice('main.'.length)] = (current.daemon as Record<string, unknown>)[key.slice('main.'.length)];
  return {
    config: { ...next, daemon: daemon as Config['daemon'] },
    changed,
    needRestart,
    planChanged: JSON.stringify(current.plan) !== JSON.stringify(next.plan),
  };
}
