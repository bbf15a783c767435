// The simulator's control file, for tests and demos that drive the simulated
// device from outside the daemon's process (STATE-DIR/sim/control.json), and
// the simulated wall clock it can move. Only the simulator bundle (sim.mjs)
// imports this: the router's clock is the system clock, never overridden.
import { readFileSync, statSync } from 'node:fs';
import * as v from 'valibot';
import type { Clock } from '../types.ts';
import type { SimDevice } from './device.ts';

const Wish = v.object({
  antennaDegrees: v.optional(v.pipe(v.number(), v.finite())),
  modemFault: v.optional(v.nullable(v.string())),
  /** An instant (ISO 8601 with its offset) the simulated clock jumps to and runs on from; null: the real time. */
  clock: v.optional(v.nullable(v.pipe(v.string(), v.isoTimestamp('clock: an ISO 8601 instant with its offset, such as 2026-12-04T02:30:00+01:00')))),
  /** Whether the clock counts as set from the network (NTP); false: an unsynced clock. */
  clockTrusted: v.optional(v.boolean()),
});

export type SimControl = { apply: () => void; clock: Clock };

/**
 * Reads `file` again whenever it changes (looked at, at most every 200 ms,
 * before each modem action or reading and each clock reading) and applies
 * what it names: `{"antennaDegrees": 120, "modemFault": "no-sim", "clock":
 * "2026-12-04T02:30:00+01:00", "clockTrusted": false}`. The tower stands at
 * 120 degrees; a fault is one of those in ports/modem/sim.ts, or null. The
 * clock jumps when the file is read and runs on at the real pace.
 */
export function simControl(file: string, device: SimDevice, log: (line: string) => void, realNow: () => number = Date.now): SimControl {
  let seen = 0;
  let checked = -Infinity;
  let offsetMs = 0;
  let trusted = true;
  const apply = () => {
    const now = realNow();
    if (now - checked < 200) return;
    checked = now;
    let mtime: number;
    try {
      mtime = statSync(file).mtimeMs;
    } catch {
      return;
    }
    if (mtime === seen) return;
    seen = mtime;
    let wish: v.InferOutput<typeof Wish>;
    try {
      const parsed = v.safeParse(Wish, JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(parsed.issues.map((i) => `${v.getDotPath(i) ?? 'file'}: ${i.message}`).join('; '));
      wish = parsed.output;
    } catch (error) {
      log(`sim: ${file}: ${(error as Error).message}; nothing changed`);
      return;
    }
    if (wish.antennaDegrees !== undefined) device.modem.antennaDegrees = wish.antennaDegrees;
    if (wish.modemFault !== undefined) device.modem.fault = wish.modemFault;
    if (wish.clock !== undefined) offsetMs = wish.clock === null ? 0 : Date.parse(wish.clock) - now;
    if (wish.clockTrusted !== undefined) trusted = wish.clockTrusted;
    log(`sim: control ${JSON.stringify(wish)}`);
  };
  return {
    apply,
    clock: {
      now: () => (apply(), realNow() + offsetMs),
      trusted: () => (apply(), trusted),
    },
  };
}
