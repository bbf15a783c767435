import type { SimDevice } from '../sim/device.ts';
import type { ShaperPort } from '../types.ts';

/** The simulated shaper: the rates it holds limit the simulated traffic. */
export function simShaper(device: SimDevice): ShaperPort {
  return {
    async current() {
      return device.shaper && { ...device.shaper };
    },
    async apply(desired) {
      device.advance();
      device.shaper = desired && { ...desired };
    },
  };
}
