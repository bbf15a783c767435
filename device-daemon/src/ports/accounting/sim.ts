import type { SimDevice } from '../sim/device.ts';
import type { AccountingPort } from '../types.ts';

/** Per-client counters of the simulated device, keyed by MAC like the real table. */
export function simAccounting(device: SimDevice): AccountingPort {
  let exists = false;
  return {
    async ensure() {
      if (!exists) device.perClient.clear();
      exists = true;
    },
    async read() {
      device.advance();
      if (!exists) return [];
      return device.clients.map((c) => {
        const bytes = device.perClient.get(c.mac) ?? { down: 0, up: 0 };
        return { key: c.mac, mac: c.mac, addresses: [c.address], downBytes: bytes.down, upBytes: bytes.up };
      });
    },
    async remove() {
      exists = false;
      device.perClient.clear();
    },
  };
}
