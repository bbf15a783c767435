// fw4's flow offloading (software or hardware) moves established flows past the
// qdiscs and the forward hook: no throttle, block or per-device count can hold
// while it is on. It is a firewall `defaults` option in UCI.
import type { UciPackage } from './device-data.ts';

const ON = new Set(['1', 'on', 'true', 'yes', 'enabled']);

/** Which offloading the firewall config turns on: none, software, or hardware (which implies software). */
export function flowOffloading(firewall: UciPackage): 'none' | 'software' | 'hardware' {
  const defaults = firewall.sections.find((s) => s.type === 'defaults');
  const on = (key: string) => ON.has(String(defaults?.options[key] ?? '0'));
  if (on('flow_offloading') && on('flow_offloading_hw')) return 'hardware';
  return on('flow_offloading') ? 'software' : 'none';
}
