// The real accounting port: an nftables table of our own whose forward-hook
// chain adds each client to dynamic sets with counters, from the packet path,
// so a new client is counted from its first packet without the daemon acting.
// Only forwarded LAN<->WAN packets pass there: traffic to the router itself
// (admin page, DNS) uses the input hook and is not counted. Counts are IP
// packet bytes (headers included, no link-layer header).
//
// Upload is counted per (source address . source MAC) pair, which also tells
// which MAC holds which address. Download can only be counted by destination
// address (the MAC is chosen after the forward hook), and is keyed by MAC
// through those pairs, then through the neighbour table, else by address.
import * as v from 'valibot';
import { parseOutput } from '../parse-output.ts';
import { listTable, type NftListing, nftDeviceName, nftTableName, replaceTableScript, setElements } from '../firewall/nft-parse.ts';
import type { AccountingPort, ClientCounter, CommandRunner } from '../types.ts';

// Bumped when the table's shape changes, so ensure() replaces an old table.
const VERSION = 'v1';
// No timeouts: an element is the client's counter for as long as the table
// lives. 65535 per set holds 35 clients' rotating IPv6 privacy addresses for
// far more than a billing cycle; past it, new addresses are not counted.
const SET_SIZE = 65535;

const NeighSchema = v.array(
  v.looseObject({ dst: v.string(), lladdr: v.optional(v.string()), state: v.optional(v.array(v.string())) }),
);

/** The table's rule text for `lan` and `wan`; the comment on the first rule marks the version and devices. */
export function accountingTable(lan: string, wan: string): { body: string; signature: string } {
  const signature = `modem-admin acct ${VERSION} lan=${lan} wan=${wan}`;
  const set = (name: string, type: string) =>
    `  set ${name} { type ${type}; size ${SET_SIZE}; flags dynamic; counter; }`;
  const up = `iifname "${lan}" oifname "${wan}"`;
  const down = `iifname "${wan}" oifname "${lan}"`;
  const body = [
    set('up4', 'ipv4_addr . ether_addr'),
    set('up6', 'ipv6_addr . ether_addr'),
    set('down4', 'ipv4_addr'),
    set('down6', 'ipv6_addr'),
    '  chain count_forward {',
    // After fw4's forward chain: what fw4 (or our block) drops is not counted.
    '    type filter hook forward priority filter + 10; policy accept;',
    `    ${up} update @up4 { ip saddr . ether saddr } comment "${signature}"`,
    `    ${up} update @up6 { ip6 saddr . ether saddr }`,
    `    ${down} update @down4 { ip daddr }`,
    `    ${down} update @down6 { ip6 daddr }`,
    '  }',
  ].join('\n');
  return { body, signature };
}

export type CountedTraffic = {
  /** Upload bytes per address and MAC. */
  up: { address: string; mac: string; bytes: number }[];
  /** Download bytes per address. */
  down: { address: string; bytes: number }[];
};

/** The counters in a listing of our table. */
export function countedTraffic(listing: NftListing): CountedTraffic {
  const counted: CountedTraffic = { up: [], down: [] };
  for (const set of listing.sets) {
    for (const elem of setElements(set)) {
      if (set.name === 'up4' || set.name === 'up6') {
        const pair = (elem.val as { concat?: unknown[] } | null)?.concat;
        const [address, mac] = pair ?? [];
        if (typeof address !== 'string' || typeof mac !== 'string') throw new Error(`nft set ${set.name}: unexpected element ${JSON.stringify(elem.val)}`);
        counted.up.push({ address, mac: mac.toLowerCase(), bytes: elem.bytes });
      } else if (set.name === 'down4' || set.name === 'down6') {
        if (typeof elem.val !== 'string') throw new Error(`nft set ${set.name}: unexpected element ${JSON.stringify(elem.val)}`);
        counted.down.push({ address: elem.val, bytes: elem.bytes });
      }
    }
  }
  return counted;
}

/**
 * Per-client rows from the counters: keyed by MAC where `macOf` knows the
 * address's MAC, else by the address. Pure, so the keying is unit-tested.
 */
export function clientRows(counted: CountedTraffic, macOf: (address: string) => string | undefined): ClientCounter[] {
  const rows = new Map<string, ClientCounter>();
  const row = (key: string, mac: string | null) => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { key, mac, addresses: [], downBytes: 0, upBytes: 0 }));
    return r;
  };
  const addAddress = (r: ClientCounter, address: string) => {
    if (!r.addresses.includes(address)) r.addresses.push(address);
  };
  for (const { address, mac, bytes } of counted.up) {
    const r = row(mac, mac);
    r.upBytes += bytes;
    addAddress(r, address);
  }
  for (const { address, bytes } of counted.down) {
    const mac = macOf(address);
    const r = mac ? row(mac, mac) : row(address, null);
    r.downBytes += bytes;
    addAddress(r, address);
  }
  return [...rows.values()].map((r) => ({ ...r, addresses: r.addresses.sort() })).sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * The real AccountingPort: table `inet <table>` counting what LAN clients on
 * `lanDevice` move through `wanDevice`. Addresses once seen with a MAC keep
 * that MAC for the life of the port, so a client keeps its history when its
 * address changes.
 */
export function nftAccounting({
  runner,
  lanDevice,
  wanDevice,
  table = 'modem_admin_acct',
}: {
  runner: CommandRunner;
  lanDevice: string;
  wanDevice: string;
  table?: string;
}): AccountingPort {
  const lan = nftDeviceName(lanDevice);
  const wan = nftDeviceName(wanDevice);
  nftTableName(table);
  const { body, signature } = accountingTable(lan, wan);
  // address -> MAC, learned from the upload pairs and the neighbour table.
  const learned = new Map<string, string>();

  async function neighbours(): Promise<Map<string, string>> {
    const { stdout } = await runner.run(['ip', '-j', 'neigh', 'show', 'dev', lan]);
    const neighbours = parseOutput(NeighSchema, JSON.parse(stdout || '[]'), 'ip -j neigh show');
    const map = new Map<string, string>();
    for (const n of neighbours) if (n.lladdr && !n.state?.includes('FAILED')) map.set(n.dst, n.lladdr.toLowerCase());
    return map;
  }

  return {
    async ensure() {
      const listing = await listTable(runner, table);
      if (listing?.rules.some((r) => r.comment === signature)) return;
      // Missing, or made for other devices or an older shape: replace it whole, in one transaction.
      await runner.run(['nft', '-f', '-'], { input: replaceTableScript(table, body) });
    },

    async read() {
      const listing = await listTable(runner, table);
      if (!listing) return [];
      const counted = countedTraffic(listing);
      // An address's download counter cannot be split between clients: if DHCP
      // gave it to another MAC, the pair listed last takes the whole counter.
      for (const { address, mac } of counted.up) learned.set(address, mac);
      if (counted.down.some(({ address }) => !learned.has(address))) {
        for (const [address, mac] of await neighbours()) if (!learned.has(address)) learned.set(address, mac);
      }
      return clientRows(counted, (address) => learned.get(address));
    },

    async remove() {
      await runner.run(['nft', '-f', '-'], { input: replaceTableScript(table, null) });
    },
  };
}
