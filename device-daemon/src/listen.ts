// Where the daemon listens, and which Host headers it answers to.
import type { CliOptions } from './cli.ts';
import type { Config } from './core/config.ts';

export type ListenAddress = { host: string; port: number };

export class ListenError extends Error {}

export function parseListen(text: string): ListenAddress {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text);
  const port = Number(m?.[3]);
  if (!m || port < 1 || port > 65535) throw new ListenError(`listen address must be HOST:PORT or [IPv6]:PORT (got "${text}")`);
  return { host: m[1] ?? m[2]!, port };
}

const ANY = new Set(['0.0.0.0', '::', '']);
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** The addresses to listen on: --listen, else (sim) loopback on $PORT, else the config's LAN addresses. */
export function listenAddresses(options: Pick<CliOptions, 'listen' | 'platform'>, config: Config): ListenAddress[] {
  const port = process.env.PORT ?? '8080';
  const texts =
    options.listen.length > 0 ? options.listen : options.platform === 'sim' ? [`127.0.0.1:${port}`] : config.daemon.listen;
  const addresses = texts.map(parseListen);
  for (const a of addresses) {
    if (ANY.has(a.host) && !config.daemon.allow_any_address) {
      throw new ListenError(`refusing to listen on ${a.host || 'every address'}: set option allow_any_address '1' to allow it`);
    }
  }
  return addresses;
}

/**
 * Names and addresses a browser may use to reach us (the DNS rebinding allow-list):
 * the listen addresses, the configured host names, and the LAN device's current
 * addresses, looked up again at most every `refreshMs` so a LAN address change is
 * picked up without a restart.
 */
export function hostAllowList(options: {
  listen: ListenAddress[];
  config: () => Config;
  lanAddresses: () => string[];
  now: () => number;
  refreshMs?: number;
}): () => ReadonlySet<string> {
  const refreshMs = options.refreshMs ?? 5000;
  let hosts: Set<string> | null = null;
  let built = -Infinity;
  return () => {
    if (hosts && options.now() - built < refreshMs) return hosts;
    hosts = new Set<string>(options.config().daemon.hostname.map((h) => h.toLowerCase()));
    for (const { host } of options.listen) {
      hosts.add(host.toLowerCase());
      if (LOOPBACK.has(host)) for (const name of LOOPBACK) hosts.add(name);
    }
    for (const address of options.lanAddresses()) hosts.add(address.toLowerCase());
    built = options.now();
    return hosts;
  };
}
