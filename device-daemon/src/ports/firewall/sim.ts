import type { SimDevice } from '../sim/device.ts';
import type { FirewallPort } from '../types.ts';

/** The simulated forward block: while set, no traffic reaches the WAN. */
export function simFirewall(device: SimDevice): FirewallPort {
  return {
    async blocked() {
      return device.blocked;
    },
    async setBlocked(blocked) {
      device.advance();
      device.blocked = blocked;
    },
  };
}
