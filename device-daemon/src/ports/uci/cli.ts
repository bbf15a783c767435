// UCI on the device, through the uci command: `uci export` (the config file
// syntax, parsed by core/uci-text) and `uci batch` on stdin, then commit.
import { parseUciText } from '../../core/uci-text.ts';
import { uciBatch } from './cli-batch.ts';
import type { CommandRunner, UciPort } from '../types.ts';

export const PACKAGE_NAME = /^[a-z0-9_-]+$/;

export function cliUci(runner: CommandRunner): UciPort {
  async function show(pkg: string) {
    if (!PACKAGE_NAME.test(pkg)) throw new Error(`invalid UCI package "${pkg}"`);
    const { stdout } = await runner.run(['uci', '-q', 'export', pkg]);
    return parseUciText(pkg, stdout);
  }
  return { show, batch: uciBatch(runner, show) };
}
