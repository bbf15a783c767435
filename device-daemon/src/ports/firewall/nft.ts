// The real firewall port: the "stop service" block as an nftables table of our
// own. fw4's tables are never edited (fw4 rewrites them on every reload); a
// separate table with its own forward-hook chain drops as well, since a drop in
// any base chain is final. Only forwarded traffic is dropped, so the LAN still
// reaches the router itself (admin page, DNS): that passes the input hook.
import type { CommandRunner, FirewallPort } from '../types.ts';
import { listTable, type NftListing, type NftRule, nftDeviceName, nftTableName, replaceTableScript } from './nft-parse.ts';

const CHAIN = 'forward_block';

function dropsOn(rule: NftRule, key: 'iifname' | 'oifname', device: string): boolean {
  const match = rule.expr.some((e) => {
    const m = e.match as { op?: string; left?: { meta?: { key?: string } }; right?: unknown } | undefined;
    return m?.op === '==' && m.left?.meta?.key === key && m.right === device;
  });
  return match && rule.expr.some((e) => 'drop' in e);
}

/** Whether `listing` holds a forward-hooked chain dropping traffic to and from `wan`. */
export function blocksForwarding(listing: NftListing, wan: string): boolean {
  const chain = listing.chains.find((c) => c.name === CHAIN && c.hook === 'forward');
  if (!chain) return false;
  const rules = listing.rules.filter((r) => r.chain === CHAIN);
  return rules.some((r) => dropsOn(r, 'oifname', wan)) && rules.some((r) => dropsOn(r, 'iifname', wan));
}

/**
 * The real FirewallPort: while blocked, table `inet <table>` drops everything
 * forwarded out of or in from `wanDevice`. Matching the name, not the ifindex,
 * keeps the block in force when a modem reconnect re-creates the device.
 */
export function nftFirewall({
  runner,
  wanDevice,
  table = 'modem_admin_block',
}: {
  runner: CommandRunner;
  wanDevice: string;
  table?: string;
}): FirewallPort {
  const wan = nftDeviceName(wanDevice);
  nftTableName(table);
  // Before fw4's forward chain (priority filter), so nothing fw4 does first can matter.
  const body = [
    '  comment "modem-admin: service stopped at the data cap"',
    `  chain ${CHAIN} {`,
    '    type filter hook forward priority filter - 10; policy accept;',
    `    oifname "${wan}" drop`,
    `    iifname "${wan}" drop`,
    '  }',
  ].join('\n');

  async function blocked(): Promise<boolean> {
    const listing = await listTable(runner, table);
    return listing !== null && blocksForwarding(listing, wan);
  }

  return {
    blocked,
    async setBlocked(want) {
      const listing = await listTable(runner, table);
      const now = listing !== null && blocksForwarding(listing, wan);
      // An incomplete table of ours (edited by hand) is replaced or removed as a whole.
      if (want === now && (want || listing === null)) return;
      await runner.run(['nft', '-f', '-'], { input: replaceTableScript(table, want ? body : null) });
    },
  };
}
