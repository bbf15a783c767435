// UCI on the device, through the uci command: `uci export` (the config file
// syntax, parsed by core/uci-text) and `uci batch` on stdin, then commit.
import { parseUciText } from '../../core/uci-text.ts';
import { lazyPort } from '../lazy-port.ts';
import type { CommandRunner, UciPort } from '../types.ts';

export const PACKAGE_NAME = /^[a-z0-9_-]+$/;

export function cliUci(runner: CommandRunner): UciPort {
  async function show(pkg: string) {
    if (!PACKAGE_NAME.test(pkg)) throw new Error(`invalid UCI package "${pkg}"`);
    const { stdout } = await runner.run(['uci', '-q', 'export', pkg]);
    return parseUciText(pkg, stdout);
  }
  // Writing (plan, Wi-Fi, mobile settings) loads with the first change, not at start.
  return lazyPort<UciPort>(async () => ({ batch: (await import('./cli-batch.ts')).uciBatch(runner, show) }), { show });
}
