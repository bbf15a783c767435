// Blocked LAN devices: a table of our own, `inet modem_admin_clients`, with a
// set of MACs and a forward-hooked chain that drops what they send. A client
// whose packets are not forwarded gets nothing back either (no handshake
// completes), while it still reaches the router itself (DHCP, DNS, this page).
// The table exists only while some device is blocked.
import { listTable, nftTableName, replaceTableScript, setElements } from './nft-parse.ts';
import type { CommandRunner } from '../types.ts';

const MAC = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/;

/** The block as get/set of MAC lists (lower case), applied only when it changes. */
export function nftMacBlock({ runner, table = 'modem_admin_clients' }: { runner: CommandRunner; table?: string }) {
  nftTableName(table);
  async function blocked(): Promise<string[]> {
    const set = (await listTable(runner, table))?.sets.find((s) => s.name === 'blocked');
    return set ? setElements(set).map((e) => String(e.val)).sort() : [];
  }
  return {
    blocked,
    async setBlocked(macs: string[]) {
      const want = [...new Set(macs.map((m) => m.toLowerCase()))].sort();
      if (want.some((m) => !MAC.test(m))) throw new RangeError(`not a MAC address: ${JSON.stringify(macs)}`);
      if (want.join() === (await blocked()).join()) return;
      const body = want.length
        ? [
            '  comment "modem-admin: devices blocked by the customer"',
            `  set blocked { type ether_addr; elements = { ${want.join(', ')} } }`,
            '  chain forward_clients {',
            '    type filter hook forward priority filter - 10; policy accept;',
            '    ether saddr @blocked drop',
            '  }',
          ].join('\n')
        : null;
      await runner.run(['nft', '-f', '-'], { input: replaceTableScript(table, body) });
    },
  };
}
