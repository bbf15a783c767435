// The daemon's command line (a contract: README and outside checks rely on it).
import { parseArgs } from 'node:util';

export type Platform = 'sim' | 'linux' | 'openwrt';

export type CliOptions = {
  command: 'serve' | 'hash-password' | 'help';
  platform: Platform;
  config: string;
  stateDir: string;
  ramDir: string | null;
  listen: string[];
  www: string | null;
};

export class UsageError extends Error {}

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        platform: { type: 'string', default: 'sim' },
        config: { type: 'string', default: '/etc/config/modem-admin' },
        'state-dir': { type: 'string', default: '/etc/modem-admin' },
        'ram-dir': { type: 'string' },
        listen: { type: 'string', multiple: true },
        www: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const platform = values.platform as string;
  if (platform !== 'sim' && platform !== 'linux' && platform !== 'openwrt') {
    throw new UsageError(`--platform must be sim, linux or openwrt (got "${platform}")`);
  }
  if (positionals.length > 1 || (positionals[0] !== undefined && positionals[0] !== 'hash-password')) {
    throw new UsageError(`unknown command "${positionals.join(' ')}"`);
  }
  return {
    command: values.help ? 'help' : positionals[0] === 'hash-password' ? 'hash-password' : 'serve',
    platform,
    config: values.config!,
    stateDir: values['state-dir']!,
    ramDir: values['ram-dir'] ?? null,
    listen: values.listen ?? [],
    www: values.www ?? null,
  };
}
