// The real LanPort on OpenWrt: dnsmasq's lease file, hostapd's station lists
// over ubus, `ip -j neigh` on the LAN bridge, and the per-MAC nftables block.
// OpenWrt 24.10's hostapd/wpad builds all carry ubus, so stations are read from
// hostapd; a radio whose hostapd does not answer get_clients is asked through
// `iw dev <if> station dump` (no band then: iw names no frequency).
import { readFile } from 'node:fs/promises';
import { parseIwStations } from '../../core/iw-stations.ts';
import { parseHostapdClients, parseLeases, parseNeighbours } from '../../core/lan-clients.ts';
import { nftDeviceName } from '../firewall/nft-parse.ts';
import { nftMacBlock } from '../firewall/nft-mac-block.ts';
import type { CommandRunner, LanPort, Station } from '../types.ts';

export function openwrtLan({ runner, lanDevice, leaseFile = '/tmp/dhcp.leases' }: { runner: CommandRunner; lanDevice: string; leaseFile?: string }): LanPort {
  const lan = nftDeviceName(lanDevice);
  const out = async (argv: string[]) => (await runner.run(argv)).stdout;
  return {
    ...nftMacBlock({ runner }),
    async leases() {
      return parseLeases(await readFile(leaseFile, 'utf8').catch(() => ''));
    },
    async stations() {
      // `ubus list` prints each hostapd object on its own line.
      const objects = (await out(['ubus', 'list', 'hostapd.*']).catch(() => '')).split('\n').filter((o) => /^hostapd\.[\w.-]+$/.test(o));
      const lists: Station[][] = [];
      for (const o of objects) {
        let list = parseHostapdClients(await out(['ubus', 'call', o, 'get_clients']).catch(() => ''));
        if (!Array.isArray(list)) list = parseIwStations(await out(['iw', 'dev', o.slice('hostapd.'.length), 'station', 'dump']).catch(() => ''));
        // A radio whose list cannot be read either way shows its clients as wired until it can.
        if (Array.isArray(list)) lists.push(list);
      }
      return lists.flat();
    },
    async neighbours() {
      // BusyBox's ip has no -j: then its text.
      const list = parseNeighbours(await out(['ip', '-j', 'neigh', 'show', 'dev', lan]).catch(() => out(['ip', 'neigh', 'show', 'dev', lan])));
      if (!Array.isArray(list)) throw new Error(list.message);
      return list;
    },
  };
}
