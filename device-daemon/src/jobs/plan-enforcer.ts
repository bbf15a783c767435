// Keeps the line in the state the plan wants: the shaper (throttle) and the
// forward block. Applies when the wish changes, when the WAN interface was
// re-created (a modem reconnect wipes its qdiscs), after a failure (every tick
// until it holds), and every RECHECK_MS to repair anything changed behind our back.
import { sameDesired, type Desired } from '../core/enforcement.ts';
import type { FirewallPort, ShaperPort } from '../ports/types.ts';

const RECHECK_MS = 30_000;

export type EnforcerDeps = {
  shaper: ShaperPort;
  firewall: FirewallPort;
  monotonic: () => number;
  log: (line: string) => void;
};

export function createEnforcer(deps: EnforcerDeps) {
  let applied: Desired | null = null;
  let lastApply = -Infinity;
  let failure: string | null = null;

  return {
    /** Brings the line to `desired`. `force` re-applies even when nothing seems to have changed. */
    async enforce(desired: Desired, force = false): Promise<void> {
      const due = deps.monotonic() - lastApply >= RECHECK_MS;
      if (!force && !due && sameDesired(applied, desired)) return;
      lastApply = deps.monotonic();
      try {
        // The ports diff against the kernel's state, so a re-apply of the same wish is cheap.
        await deps.shaper.apply(desired.shaper);
        await deps.firewall.setBlocked(desired.blocked);
        if (!sameDesired(applied, desired) || failure) {
          const what = desired.blocked ? 'blocked' : desired.shaper ? `throttled to ${desired.shaper.downKbit}/${desired.shaper.upKbit} kbit/s` : 'unrestricted';
          deps.log(`plan: line ${what}`);
        }
        applied = desired;
        failure = null;
      } catch (error) {
        applied = null;
        const message = (error as Error).message;
        if (failure !== message) deps.log(`plan: could not apply the plan's state: ${message}`);
        failure = message;
      }
    },
    /** What is in place as far as we know: the status and banner say this, not the wish. */
    enforced(): 'none' | 'throttled' | 'blocked' {
      if (!applied) return 'none';
      return applied.blocked ? 'blocked' : applied.shaper ? 'throttled' : 'none';
    },
    failure: () => failure,
  };
}

export type Enforcer = ReturnType<typeof createEnforcer>;
