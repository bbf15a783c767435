// `uci batch` on stdin, then commit: loaded with the first change (cli.ts).
import { quoteUci } from '../../core/uci-text.ts';
import { findSection } from './section.ts';
import type { CommandRunner, UciCommand, UciPackage } from '../types.ts';
import { PACKAGE_NAME } from './cli.ts';

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
  const found = findSection(pkg, section ?? '');
  return !!found && (option === undefined || option in found.options);
}

/** Applies `commands` to `pkg` in one `uci batch` and commits it. */
export function uciBatch(runner: CommandRunner, show: (pkg: string) => Promise<UciPackage>) {
  return async (pkg: string, commands: UciCommand[]): Promise<void> => {
    if (!PACKAGE_NAME.test(pkg)) throw new Error(`invalid UCI package "${pkg}"`);
    // uci fails a batch on deleting what is not there; the simulator treats it as
    // done. Drop such deletes here so both behave the same.
    const current = await show(pkg);
    const lines = commands.filter((cmd) => cmd.op !== 'delete' || exists(current, cmd.path)).map(batchLine);
    if (lines.some((line) => !line.split(' ')[1]!.startsWith(`${pkg}.`))) throw new Error(`batch touches a package other than ${pkg}`);
    await runner.run(['uci', 'batch'], { input: `${lines.join('\n')}\ncommit ${pkg}\n` });
  };
}
