// The simulated modem-router: one stateful world behind every simulated port, so
// that what one port does shows in the others (a throttle slows the counters, a
// block stops them, a modem reconnect re-creates the WAN interface).
import { randomUUID } from 'node:crypto';
import type { ApnSettings, ModemState, ShaperState } from '../types.ts';
import { seededRandom, type Random } from './random.ts';

/** `band` null: wired. `signal` in dBm for Wi-Fi clients. */
export type SimClient = { mac: string; address: string; name: string; weight: number; band?: string | null; signal?: number };

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
  { mac: '3c:22:fb:10:00:01', address: '192.168.1.101', name: 'anna-phone', weight: 3, band: '5 GHz', signal: -52 },
  { mac: '3c:22:fb:10:00:02', address: '192.168.1.102', name: 'living-room-tv', weight: 5, band: null },
  { mac: '3c:22:fb:10:00:03', address: '192.168.1.103', name: 'laptop', weight: 2, band: '2.4 GHz', signal: -67 },
  // Host names are whatever a device sends in DHCP: this one is hostile, and must show as text.
  { mac: '3c:22:fb:10:00:04', address: '192.168.1.104', name: `<img src=x onerror=alert(1)>"';$(reboot)`, weight: 1, band: '2.4 GHz', signal: -78 },
];

export class SimDevice {
  readonly random: Random;
  readonly clients: SimClient[];
  /**
   * Each simulated device is a router that has just booted: its WAN counters
   * start from zero under a boot id of its own, so a daemon restarted on a new
   * one (any `npm start`) sees a reboot, as on a router after a power cut.
   */
  readonly bootId = randomUUID();
  wan = { ifindex: 4, rxBytes: 0, txBytes: 0, present: true };
  /** Per-client totals since the accounting table was created. */
  perClient = new Map<string, { down: number; up: number }>();
  shaper: ShaperState = null;
  blocked = false;
  /** MACs blocked by the customer: their traffic stops. */
  blockedMacs = new Set<string>();
  /** `wifi reload` calls, and whether the next one fails (to test the rollback). */
  wifiReloads = 0;
  failWifiReload = false;
  modem = {
    state: 'connected' as ModemState,
    operator: 'Plus',
    technology: 'lte',
    roaming: false,
    /** Where the antenna points (degrees); the signal follows it. Tests and the console turn it. */
    antennaDegrees: 40,
    /** A fault to simulate (see SimModemFault in ports/modem/sim.ts), or null. */
    fault: null as string | null,
    /** A PIN wrong 3 times blocks the SIM until its PUK (10 tries) sets a new PIN. */
    sim: { pin: '1234', locked: false, retries: 3, puk: '12345678', pukRetries: 10, iccid: '89480000000000000000', imsi: '260010000000000', number: '48500100200', operatorCode: '26001' },
    /** The example IMEI of the GSMA's numbering rules (TAC 35209900, serial 176148, check digit 1). */
    imei: '352099001761481',
    bands: {
      supported: ['utran-1', 'utran-8', 'eutran-1', 'eutran-3', 'eutran-7', 'eutran-8', 'eutran-20', 'eutran-28', 'eutran-38'],
      current: ['utran-1', 'utran-8', 'eutran-1', 'eutran-3', 'eutran-7', 'eutran-8', 'eutran-20', 'eutran-28', 'eutran-38'],
    },
    /** Networks in range, as a scan finds them; the modem registers on `registered`. */
    networks: [
      { code: '26001', name: 'Plus', technologies: ['lte'] },
      { code: '26002', name: 'T-Mobile.pl', technologies: ['umts', 'lte'] },
      { code: '26003', name: 'Orange', technologies: ['lte'] },
      { code: '26006', name: 'Play', technologies: ['lte'], forbidden: true },
    ] as { code: string; name: string; technologies: string[]; forbidden?: boolean }[],
    registered: '26001',
    /** How long a network scan takes (a real one takes 30 s to 2 min). */
    scanMs: 8000,
    /** The serving cell: band 20 (EARFCN 6300), with a band 3 carrier aggregated. */
    cell: { tac: '4AA3', cid: '0197763E', pci: 214, earfcn: 6300, secondary: [{ pci: 214, earfcn: 1300 }] as { pci: number; earfcn: number }[] },
    settings: { apn: 'internet', auth: 'none', username: '', password: '', mode: 'auto' } as ApnSettings,
    /** Delivers the USSD reply held back by the 'late' fault. */
    deliverLate: () => {},
  };
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
    // Blocked devices move nothing; the rest of the household carries on as before.
    const active = this.clients.filter((c) => !this.blockedMacs.has(c.mac));
    const weights = this.clients.reduce((sum, c) => sum + c.weight, 0);
    const activeShare = weights ? active.reduce((sum, c) => sum + c.weight, 0) / weights : 1;
    down = Math.round(down * activeShare);
    up = Math.round(up * activeShare);
    this.wan.rxBytes += down;
    this.wan.txBytes += up;
    for (const client of active) {
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
