import type { Clock } from '../types.ts';

/** The system clock. `trusted` says whether NTP has synced it (see the platform that builds it). */
export function systemClock(trusted: () => boolean = () => true): Clock {
  return { now: () => Date.now(), trusted };
}

/** A clock tests move by hand. */
export function manualClock(start: number, trusted = true): Clock & { set(ms: number): void; advance(ms: number): void; setTrusted(t: boolean): void } {
  let now = start;
  let isTrusted = trusted;
  return {
    now: () => now,
    trusted: () => isTrusted,
    set: (ms) => void (now = ms),
    advance: (ms) => void (now += ms),
    setTrusted: (t) => void (isTrusted = t),
  };
}
