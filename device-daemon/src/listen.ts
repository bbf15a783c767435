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

/** Names and addresses a browser may use to reach us (the DNS rebinding allow-list). */
export function allowedHosts(listen: ListenAddress[], config: Config): ReadonlySet<string> {
  const hosts = new Set<string>(config.daemon.hostname.map((h) => h.toLowerCase()));
  for (const { host } of listen) {
    hosts.add(host.toLowerCase());
    if (LOOPBACK.has(host)) for (const name of LOOPBACK) hosts.add(name);
  }
  return hosts;
}
