// UCI on the device, through the uci command: `uci export` (the config file
// syntax, parsed by core/uci-text) and `uci batch` on stdin, then commit.
import { parseUciText, quoteUci } from '../../core/uci-text.ts';
import type { CommandRunner, UciCommand, UciPackage, UciPort } from '../types.ts';

const PACKAGE = /^[a-z0-9_-]+$/;

/** One `uci batch` line. Values are single-quoted as uci export writes them. */
export function batchLine(cmd: UciCommand): string {
  if (/[\n\r\0]/.test(cmd.path) || (cmd.op !== 'delete' && /[\n\r\0]/.test(cmd.value))) {
    throw new Error('UCI values cannot hold a newline, carriage return or NUL');
  }
  if (!/^[A-Za-z0-9_-]+\.(@[A-Za-z0-9_-]+\[-?\d+\]|[A-Za-z0-9_]+)(\.[A-Za-z0-9_]+)?$/.test(cmd.path)) {
    throw new Error(`invalid UCI path "${cmd.path}"`);
  }
  return cmd.op === 'delete' ? `delete ${cmd.path}` : `${cmd.op} ${cmd.path}=${quoteUci(cmd.value)}`;
}

function exists(pkg: UciPackage, path: string): boolean {
  const [, section, option] = path.split('.');
  const extended = /^@([A-Za-z0-9_-]+)\[(-?\d+)\]$/.exec(section ?? '');
  const found = extended ? pkg.sections.filter((s) => s.type === extended[1]).at(Number(extended[2])) : pkg.sections.find((s) => s.name === section);
  return !!found && (option === undefined || option in found.options);
}

export function cliUci(runner: CommandRunner): UciPort {
  const port: UciPort = {
    async show(pkg) {
      if (!PACKAGE.test(pkg)) throw new Error(`invalid UCI package "${pkg}"`);
      const { stdout } = await runner.run(['uci', '-q', 'export', pkg]);
      return parseUciText(pkg, stdout);
    },
    async batch(pkg, commands) {
      if (!PACKAGE.test(pkg)) throw new Error(`invalid UCI package "${pkg}"`);
      // uci fails a batch on deleting what is not there; the simulator treats it as
      // done. Drop such deletes here so both behave the same.
      const current = await port.show(pkg);
      const lines = commands.filter((cmd) => cmd.op !== 'delete' || exists(current, cmd.path)).map(batchLine);
      if (lines.some((line) => !line.split(' ')[1]!.startsWith(`${pkg}.`))) throw new Error(`batch touches a package other than ${pkg}`);
      await runner.run(['uci', 'batch'], { input: `${lines.join('\n')}\ncommit ${pkg}\n` });
    },
  };
  return port;
}
