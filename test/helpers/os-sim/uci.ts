// A command-level simulator of the `uci` command as the daemon runs it
// (`uci -q export PKG`, `uci batch` on stdin ending in `commit PKG`): the
// configuration is state, a batch applies line by line and fails as uci does
// (an unknown command, or deleting what is not there: "Entry not found"), and
// the state renders itself as `uci export` prints it. Anything else is refused.
import { parseUciText, renderUciText, tokenize } from '../../../device-daemon/src/core/uci-text.ts';
import { CommandError } from '../../../device-daemon/src/ports/runner.ts';
import type { CommandResult, CommandRunner, UciCommand, UciPackage } from '../../../device-daemon/src/ports/types.ts';
import { applyUci } from '../../../device-daemon/src/ports/uci/apply.ts';
import { findSection } from '../../../device-daemon/src/ports/uci/section.ts';

export class UciSim implements CommandRunner {
  readonly packages = new Map<string, UciPackage>();
  readonly log: string[] = [];

  constructor(seed: Record<string, string>) {
    for (const [name, text] of Object.entries(seed)) this.packages.set(name, parseUciText(name, text));
  }

  async run(argv: readonly string[], options: { input?: string } = {}): Promise<CommandResult> {
    this.log.push(argv.join(' '));
    const fail = (stderr: string): never => {
      throw new CommandError(argv, { kind: 'exit', code: 1 }, '', stderr);
    };
    if (argv.length === 4 && argv[0] === 'uci' && argv[1] === '-q' && argv[2] === 'export') {
      const pkg = this.packages.get(argv[3]!);
      // uci -q export of a missing package prints nothing and fails.
      return pkg ? { stdout: this.render(pkg.name), stderr: '', code: 0 } : fail('');
    }
    if (argv.join(' ') === 'uci batch') {
      // Changes are staged until commit, as uci keeps them in /tmp/.uci.
      const staged = new Map(this.packages);
      const lines = (options.input ?? '').split('\n').filter((l) => l.trim() !== '');
      lines.forEach((line, i) => {
        const [op, arg, ...rest] = tokenize(line, i + 1);
        if (op === 'commit' && arg && rest.length === 0) {
          const pkg = staged.get(arg) ?? fail(`uci: Entry not found\n`);
          this.packages.set(arg, pkg);
          return;
        }
        if (!op || !arg || rest.length > 0 || !['set', 'add_list', 'del_list', 'delete'].includes(op)) fail(`uci: Invalid command\n`);
        const name = arg!.split('.')[0]!;
        const pkg = staged.get(name) ?? fail(`uci: Entry not found\n`);
        const eq = arg!.indexOf('=');
        const path = op === 'delete' ? arg! : arg!.slice(0, eq);
        if (op !== 'delete' && eq < 0) fail(`uci: Invalid command\n`);
        if (op === 'delete') {
          const [, section, option] = path.split('.');
          const found = findSection(pkg, section ?? '');
          if (!found || (option !== undefined && !(option in found.options))) fail('uci: Entry not found\n');
        }
        const cmd = (op === 'delete' ? { op, path } : { op, path, value: arg!.slice(eq + 1) }) as UciCommand;
        staged.set(name, applyUci(pkg, [cmd]));
      });
      return { stdout: '', stderr: '', code: 0 };
    }
    return fail(`not simulated: ${argv.join(' ')}\n`);
  }

  /** As `uci export PKG` prints it. */
  render(name: string): string {
    return renderUciText(this.packages.get(name)!);
  }
}
