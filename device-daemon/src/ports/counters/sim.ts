import type { SimDevice } from '../sim/device.ts';
import type { CountersPort } from '../types.ts';

/** WAN counters of the simulated device; every other device name is missing. */
export function simCounters(device: SimDevice, wanDevice: string): CountersPort {
  return {
    async read(name) {
      device.advance();
      if (name !== wanDevice || !device.wan.present) return null;
      const { ifindex, rxBytes, txBytes } = device.wan;
      return { bootId: device.bootId, ifindex, rxBytes, txBytes };
    },
  };
}
