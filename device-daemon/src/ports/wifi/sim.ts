// The simulated LAN and Wi-Fi reload: the SimDevice's clients as leases,
// stations and neighbours; blocking a MAC stops that client's traffic.
import type { SimDevice } from '../sim/device.ts';
import type { LanPort } from '../types.ts';

export function simLan(device: SimDevice, now: () => number): LanPort {
  return {
    async leases() {
      return device.clients.map((c) => ({ mac: c.mac, ip: c.address, name: c.name, expires: Math.floor(now() / 1000) + 43_200 }));
    },
    async stations() {
      return device.clients.flatMap((c, i) => (c.band ? [{ mac: c.mac, band: c.band, signal: c.signal ?? null, connectedSeconds: 600 * (i + 1) }] : []));
    },
    async neighbours() {
      return device.clients.map((c) => ({ ip: c.address, mac: c.mac, dev: 'br-lan', state: ['REACHABLE'] }));
    },
    async blocked() {
      return [...device.blockedMacs].sort();
    },
    async setBlocked(macs) {
      device.advance();
      device.blockedMacs = new Set(macs.map((m) => m.toLowerCase()));
    },
  };
}

/** `wifi reload` on the simulated device: counted; fails once when `failWifiReload` is set. */
export function simWifiReload(device: SimDevice): () => Promise<void> {
  return async () => {
    device.wifiReloads++;
    if (!device.failWifiReload) return;
    device.failWifiReload = false;
    throw new Error('wifi reload: simulated failure');
  };
}
