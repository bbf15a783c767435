// Who is on the LAN: dnsmasq leases (names, IPv4), the Wi-Fi station lists of
// hostapd or iw (band, signal, connected time) and the neighbour table (who is
// really there), joined by MAC. Parsers take captured command output as text.
import * as v from 'valibot';
import type { ClientJson } from '../features/devices/schemas.ts';
import type { Lease, Neighbour, Station } from './device-data.ts';
import type { Bytes } from './usage-ledger.ts';
import { readWith, Unreadable } from './unreadable.ts';

const MAC = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/;

/** /tmp/dhcp.leases: `expiry mac ip name client-id`; DHCPv6 lines (after `duid`) and junk are skipped. */
export function parseLeases(text: string): Lease[] {
  return text.split('\n').flatMap((line) => {
    const [expires, mac = '', ip, name] = line.trim().split(/\s+/);
    const m = mac.toLowerCase();
    return MAC.test(m) && ip && /^\d+$/.test(expires!) ? [{ mac: m, ip, name: !name || name === '*' ? null : name, expires: Number(expires) }] : [];
  });
}

/** The band of a frequency in MHz. */
export const bandOf = (mhz: number) => (mhz < 2500 ? '2.4 GHz' : mhz < 5950 ? '5 GHz' : '6 GHz');

// JSON may spell a number too large for a double (1e400): that is no reading.
const num = v.optional(v.pipe(v.number(), v.finite()));
const Hostapd = v.looseObject({ freq: num, clients: v.record(v.string(), v.looseObject({ signal: num, connected_time: num })) });

/** `ubus call hostapd.<if> get_clients`. */
export function parseHostapdClients(json: string): Station[] | Unreadable {
  const out = readWith(Hostapd, json, 'ubus call hostapd get_clients');
  if (out instanceof Unreadable) return out;
  // Each key should be a station's MAC; anything else is no station.
  return Object.entries(out.clients).flatMap(([key, c]) => {
    const mac = key.toLowerCase();
    return MAC.test(mac) ? [{ mac, band: out.freq ? bandOf(out.freq) : null, signal: c.signal ?? null, connectedSeconds: c.connected_time ?? null }] : [];
  });
}

const Neigh = v.array(v.looseObject({ dst: v.string(), dev: v.optional(v.string()), lladdr: v.optional(v.string()), state: v.optional(v.array(v.string())) }));

/**
 * `ip neigh` as text, which an `ip` without JSON (BusyBox's) prints:
 * `<addr> dev <if> lladdr <mac> [router] [ref N] [used a/b/c] [probes N] <STATE>`.
 * Lines without an address or a known shape are no entry.
 */
function neighboursText(text: string): Neighbour[] | Unreadable {
  const out: Neighbour[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const words = line.trim().split(/\s+/);
    const at = (key: string) => (words.indexOf(key) > 0 ? words[words.indexOf(key) + 1] : undefined);
    const state = words.at(-1)!;
    if (!at('dev') && !at('lladdr')) return new Unreadable('ip neigh', `line ${i + 1} is not "<address> dev <if> ..."`);
    const mac = at('lladdr')?.toLowerCase();
    if (mac && MAC.test(mac)) out.push({ ip: words[0]!, mac, dev: at('dev') ?? '', state: /^[A-Z_]+$/.test(state) ? [state] : [] });
  }
  return out;
}

/** `ip -j neigh` (or its text, see above): entries with a link-layer address. */
export function parseNeighbours(json: string): Neighbour[] | Unreadable {
  if (typeof json === 'string' && !/^\s*[[{]/.test(json)) return neighboursText(json);
  const out = readWith(Neigh, json, 'ip -j neigh');
  // On the LAN bridge a link-layer address is a MAC; anything else is no one we can name.
  return out instanceof Unreadable ? out : out.flatMap((n) => (n.lladdr && MAC.test(n.lladdr.toLowerCase()) ? [{ ip: n.dst, mac: n.lladdr.toLowerCase(), dev: n.dev ?? '', state: n.state ?? [] }] : []));
}

export type LanInput = {
  leases: Lease[];
  stations: Station[];
  neighbours: Neighbour[];
  blocked: string[];
  /** This cycle's bytes per client key (MAC, else IP), from the ledger. */
  usage: Record<string, Bytes>;
  /** When the daemon first saw each MAC present (ms), for clients with no connected time. */
  seen: ReadonlyMap<string, number>;
  now: number;
  /** Names the household gave, by MAC. */
  names?: Readonly<Record<string, string>>;
  /** The requester's own address, to mark "this device". */
  self?: string;
};

/** The device list: Wi-Fi stations, live neighbours and blocked MACs, joined by MAC. */
export function lanClients(x: LanInput): ClientJson[] {
  const live = x.neighbours.filter((n) => !n.state.some((s) => s === 'FAILED' || s === 'INCOMPLETE'));
  const online = new Set([...x.stations.map((s) => s.mac), ...live.map((n) => n.mac)]);
  // Devices that used data this period are listed even when gone, as offline.
  const used = Object.keys(x.usage).filter((k) => /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/.test(k));
  const macs = new Set([...online, ...x.blocked, ...used]);
  return [...macs]
    .map((mac): ClientJson => {
      const lease = x.leases.find((l) => l.mac === mac);
      const station = x.stations.find((s) => s.mac === mac);
      const ips = live.filter((n) => n.mac === mac).map((n) => n.ip);
      const ip = lease?.ip ?? ips.find((a) => a.includes('.')) ?? ips[0] ?? null;
      const since = station?.connectedSeconds != null ? x.now - station.connectedSeconds * 1000 : (x.seen.get(mac) ?? null);
      const use = x.usage[mac] ?? (ip ? x.usage[ip] : undefined);
      return {
        mac,
        name: x.names?.[mac] ?? lease?.name ?? null,
        ip,
        band: station?.band ?? null,
        signal: station?.signal ?? null,
        wired: !station && ips.length > 0,
        since: since === null ? null : new Date(since).toISOString(),
        down: use?.down ?? 0,
        up: use?.up ?? 0,
        blocked: x.blocked.includes(mac),
        online: online.has(mac),
        self: x.self !== undefined && ips.includes(x.self),
        named: x.names?.[mac] !== undefined,
      };
    })
    .sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || a.mac.localeCompare(b.mac));
}
