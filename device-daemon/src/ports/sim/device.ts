// The simulated modem-router: one stateful world behind every simulated port, so
// that what one port does shows in the others (a throttle slows the counters, a
// block stops them, a modem reconnect re-creates the WAN interface).
import type { ModemState, ShaperState } from '../types.ts';
import { seededRandom, type Random } from './random.ts';

export type SimClient = { mac: string; address: string; name: string; weight: number };

export type SimOptions = {
  /** Monotonic milliseconds; the traffic follows it. */
  monotonic: () => number;
  seed?: number;
  /** Average download rate of the household in bytes per second. */
  downBytesPerSecond?: number;
  upShare?: number;
  /** How many LAN clients share the line (default 3 named ones; more get generated names). */
  clients?: number;
};

const CLIENTS: SimClient[] = [
  { mac: '3c:22:fb:10:00:01', address: '192.168.1.101', name: 'anna-phone', weight: 3 },
  { mac: '3c:22:fb:10:00:02', address: '192.168.1.102', name: 'living-room-tv', weight: 5 },
  { mac: '3c:22:fb:10:00:03', address: '192.168.1.103', name: 'laptop', weight: 2 },
];

export class SimDevice {
  readonly random: Random;
  readonly clients: SimClient[];
  wan = { ifindex: 4, rxBytes: 0, txBytes: 0, present: true };
  /** Per-client totals since the accounting table was created. */
  perClient = new Map<string, { down: number; up: number }>();
  shaper: ShaperState = null;
  blocked = false;
  modem = { state: 'connected' as ModemState, operator: 'Plus', technology: 'lte', roaming: false, antennaDegrees: 40 };
  private last: number;
  private readonly downRate: number;
  private readonly upShare: number;

  constructor(private readonly options: SimOptions) {
    this.random = seededRandom(options.seed ?? 1);
    this.clients = Array.from({ length: options.clients ?? CLIENTS.length }, (_, i) => {
      const hex = (i + 1).toString(16).padStart(2, '0');
      return { ...(CLIENTS[i] ?? { mac: `3c:22:fb:10:01:${hex}`, address: `192.168.1.${110 + i}`, name: `device-${i + 1}`, weight: 1 + (i % 4) }) };
    });
    this.last = options.monotonic();
    this.downRate = options.downBytesPerSecond ?? 40_000;
    this.upShare = options.upShare ?? 0.15;
  }

  /** Moves the simulated traffic forward to now. Every port calls this before it reads. */
  advance(): void {
    const now = this.options.monotonic();
    const seconds = Math.max(0, now - this.last) / 1000;
    this.last = now;
    if (seconds === 0 || !this.wan.present || this.blocked || this.modem.state !== 'connected') return;
    const burst = 0.5 + this.random();
    let down = this.downRate * burst * seconds;
    let up = down * this.upShare;
    if (this.shaper) {
      down = Math.min(down, (this.shaper.downKbit * 1000 * seconds) / 8);
      up = Math.min(up, (this.shaper.upKbit * 1000 * seconds) / 8);
    }
    down = Math.round(down);
    up = Math.round(up);
    this.wan.rxBytes += down;
    this.wan.txBytes += up;
    const weights = this.clients.reduce((sum, c) => sum + c.weight, 0);
    for (const client of this.clients) {
      const share = client.weight / weights;
      const prev = this.perClient.get(client.mac) ?? { down: 0, up: 0 };
      this.perClient.set(client.mac, { down: prev.down + Math.round(down * share), up: prev.up + Math.round(up * share) });
    }
  }

  /** A modem reconnect: the WAN interface goes away and comes back with a new ifindex and zero counters. */
  reconnect(): void {
    this.advance();
    this.wan = { ifindex: this.wan.ifindex + 1, rxBytes: 0, txBytes: 0, present: true };
  }
}
