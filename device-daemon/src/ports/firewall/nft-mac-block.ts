// Blocked LAN devices: a table of our own, `inet modem_admin_clients`, with a
// set of MACs and a forward-hooked chain that drops what they send. A client
// whose packets are not forwarded gets nothing back either (no handshake
// completes), while it still reaches the router itself (DHCP, DNS, this page).
// The table exists only while some device is blocked.
import { listTable, type NftListing, nftTableName, replaceTableScript, setElements } from './nft-parse.ts';
import type { CommandRunner } from '../types.ts';

const MAC = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/;
const CHAIN = 'forward_clients';

/** Whether a forward-hooked chain of ours drops what the MACs in set `blocked` send. */
function dropsBlocked(listing: NftListing): boolean {
  if (!listing.chains.some((c) => c.name === CHAIN && c.hook === 'forward')) return false;
  return listing.rules.some(
    (r) =>
      r.chain === CHAIN &&
      r.expr.some((e) => {
        const m = e.match as { left?: { payload?: { protocol?: string; field?: string } }; right?: unknown } | undefined;
        return m?.left?.payload?.protocol === 'ether' && m.left.payload.field === 'saddr' && m.right === '@blocked';
      }) &&
      r.expr.some((e) => 'drop' in e),
  );
}

/** The block as get/set of MAC lists (lower case), applied only when it changes. */
export function nftMacBlock({ runner, table = 'modem_admin_clients' }: { runner: CommandRunner; table?: string }) {
  nftTableName(table);
  /** The MACs blocked in fact: a set without its drop rule (the table flushed by hand) blocks no one. */
  function inForce(listing: NftListing | null): string[] {
    const set = listing?.sets.find((s) => s.name === 'blocked');
    return set && listing && dropsBlocked(listing) ? setElements(set).map((e) => String(e.val)).sort() : [];
  }
  return {
    blocked: async () => inForce(await listTable(runner, table)),
    async setBlocked(macs: string[]) {
      const want = [...new Set(macs.map((m) => m.toLowerCase()))].sort();
      if (want.some((m) => !MAC.test(m))) throw new RangeError(`not a MAC address: ${JSON.stringify(macs)}`);
      const listing = await listTable(runner, table);
      // An incomplete table of ours is replaced or removed as a whole.
      if (want.join() === inForce(listing).join() && (want.length > 0 || listing === null)) return;
      const body = want.length
        ? [
            '  comment "modem-admin: devices blocked by the customer"',
            `  set blocked { type ether_addr; elements = { ${want.join(', ')} } }`,
            `  chain ${CHAIN} {`,
            '    type filter hook forward priority filter - 10; policy accept;',
            '    ether saddr @blocked drop',
            '  }',
          ].join('\n')
        : null;
      await runner.run(['nft', '-f', '-'], { input: replaceTableScript(table, body) });
    },
  };
}
