// A scripted mmcli for the modem port's tests: answers by the arguments after the
// modem or SIM path, and can make a modem path go stale (as after a re-enumeration).
import { CommandError } from '../../device-daemon/src/ports/runner.ts';
import type { CommandRunner } from '../../device-daemon/src/ports/types.ts';

export function fakeMmcli(handlers: Record<string, string>, calls: string[][], gone = new Set<string>()): CommandRunner {
  return {
    async run(argv) {
      calls.push([...argv]);
      const m = argv.indexOf('-m');
      if (m >= 0 && gone.has(argv[m + 1]!)) throw new CommandError(argv, { kind: 'exit', code: 1 }, '', "error: couldn't find modem\n");
      const key = argv.filter((a) => a !== '-J' && !a.startsWith('/org')).slice(1).join(' ');
      const out = handlers[key];
      if (out === undefined) throw new CommandError(argv, { kind: 'exit', code: 1 }, '', `error: unexpected ${key}\n`);
      return { stdout: out, stderr: '', code: 0 };
    },
  };
}
