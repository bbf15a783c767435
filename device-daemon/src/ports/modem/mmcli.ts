// The modem through ModemManager's mmcli, --output-json wherever mmcli offers
// it. The modem's D-Bus path changes when it re-enumerates (a reset, a USB
// hiccup): a "couldn't find modem" makes us look it up again, once.
// A ModemManager before 1.12 has no -J: its mmcli ignores an option it does not
// know and, having dropped every option, says "no actions specified"
// (g_option_context_parse without an error, cli/mmcli.c). Every mmcli answers so
// to any option it lacks (--get-cell-info before 1.20), so `mmcli -J -L`, which
// any mmcli with -J knows, tells the two apart. Without -J we ask for the
// human-readable output from then on and rebuild the JSON from it.
import { Unreadable } from '../../core/unreadable.ts';
import { CommandError, userArg } from '../runner.ts';
import type { CommandRunner, ModemPort, ModemStatus, SignalReading } from '../types.ts';
import { asModemError, ModemError, modemReading } from './modem-error.ts';
import { parseModem, parseModemList, parseSignal, type ModemInfo } from './mmcli-parse.ts';
import { humanAsJson } from './mmcli-text-json.ts';
import { mmcliActions } from './mmcli-actions.ts';

/** What an mmcli without --output-json says to -J (see the top of this file). */
const NO_JSON = /no actions specified|Unknown option -J/;
class NoJson extends Error {}
/** The fault of an option this mmcli does not have (a ModemManager older than the option). */
const lacks = (args: string[]) => new ModemError('network', `this ModemManager's mmcli does not know ${args.filter((a) => a.startsWith('--')).join(' ') || 'this command'}`);
const NO_SIGNAL: SignalReading = { rsrp: null, rsrq: null, sinr: null, rssi: null };

/** Turns mmcli's failure into a fault the user can act on. */
export function modemFault(error: unknown): Error {
  if (!(error instanceof CommandError)) return error as Error;
  const text = error.stderr;
  const line = text.split('\n').find((l) => l.trim()) ?? error.message;
  if (error.failure.kind === 'spawn') return new ModemError('no-modem', 'mmcli is not installed');
  if (error.failure.kind === 'timeout' || /timed? ?out/i.test(text)) return new ModemError('timeout', 'the modem did not answer in time');
  if (/find modem/.test(text)) return new ModemError('no-modem', 'no modem found');
  if (/SimNotInserted|SimFailure|sim-missing/i.test(text)) return new ModemError('no-sim', 'no SIM card');
  if (/SimPuk/i.test(text)) return new ModemError('pin', 'the SIM needs its PUK', 0, 'puk');
  if (/IncorrectPassword/i.test(text)) return new ModemError('pin', 'wrong PIN', 0, 'wrong-pin');
  if (/SimPin|locked/i.test(text)) return new ModemError('pin', 'the SIM needs its PIN');
  return new ModemError('network', line.replace(/^error: /, '').slice(0, 200));
}

/** What the lazily loaded actions (mmcli-actions.ts) use of the port. */
export type MmcliContext = {
  runner: CommandRunner;
  mmcli: (args: string[], timeoutMs?: number, signal?: AbortSignal) => Promise<string>;
  /** mmcli -J's text: the parsers read it (and say when they cannot). */
  json: (args: string[], signal?: AbortSignal) => Promise<string>;
  onModem: (args: string[], timeoutMs?: number, signal?: AbortSignal) => Promise<string>;
  modemJson: (args: string[], signal?: AbortSignal) => Promise<string>;
  info: (signal?: AbortSignal) => Promise<ModemInfo>;
};

export function mmcliModem(runner: CommandRunner): ModemPort {
  let modem: string | null = null;
  let signalReady = false;

  /** Set once mmcli has refused -J. */
  let human = false;

  const run = async (args: string[], timeoutMs?: number, signal?: AbortSignal) => {
    try {
      return (await runner.run(['mmcli', ...args], { timeoutMs, signal })).stdout;
    } catch (error) {
      if (error instanceof CommandError && NO_JSON.test(error.stderr)) throw args.includes('-J') ? new NoJson() : lacks(args);
      throw modemFault(error);
    }
  };
  /** mmcli's output; for -J on an mmcli without it, the JSON rebuilt from the human-readable output. */
  const mmcli = async (args: string[], timeoutMs?: number, signal?: AbortSignal): Promise<string> => {
    if (human && args.includes('-J')) {
      const plain = args.filter((a) => a !== '-J');
      const rebuilt = humanAsJson(plain, await run(plain, timeoutMs, signal));
      // An Unreadable goes to the JSON parser as text it cannot read, with the reason.
      return rebuilt instanceof Unreadable ? rebuilt.message : JSON.stringify(rebuilt);
    }
    try {
      return await run(args, timeoutMs, signal);
    } catch (error) {
      if (!(error instanceof NoJson)) throw error;
      const jsonKnown = await run(['-J', '-L'], timeoutMs, signal).then(
        () => true,
        (e: unknown) => !(e instanceof NoJson),
      );
      if (jsonKnown) throw lacks(args);
      human = true;
      return mmcli(args, timeoutMs, signal);
    }
  };
  const json = (args: string[], signal?: AbortSignal) => mmcli(['-J', ...args], undefined, signal);

  /** Runs `mmcli -m <modem> ...args`, finding the modem first and again once if it went away. */
  async function onModem(args: string[], timeoutMs?: number, signal?: AbortSignal): Promise<string> {
    for (let retry = 0; ; retry++) {
      if (!modem) {
        modem = modemReading(parseModemList(await json(['-L'], signal)))[0] ?? null;
        signalReady = false;
        if (!modem) throw new ModemError('no-modem', 'no modem found');
      }
      try {
        return await mmcli(['-m', modem, ...args], timeoutMs, signal);
      } catch (error) {
        if (retry > 0 || asModemError(error)?.fault !== 'no-modem') throw error;
        modem = null;
      }
    }
  }
  const modemJson = (args: string[], signal?: AbortSignal) => onModem(['-J', ...args], undefined, signal);
  const info = async (signal?: AbortSignal) => modemReading(parseModem(await modemJson([], signal)));

  const ctx: MmcliContext = { runner, mmcli, json, onModem, modemJson, info };
  return {
    ...mmcliActions(ctx),
    // Never throws: the tick reads it every second, and a fault is a state to show.
    async status() {
      try {
        const { simPath: _s, ownNumber: _o, ...status } = await info();
        let signal = NO_SIGNAL;
        if (status.state === 'registered' || status.state === 'connected') {
          try {
            // The modem samples signal figures only after a refresh rate is set.
            if (!signalReady) await onModem(['--signal-setup=5']);
            signalReady = true;
            signal = modemReading(parseSignal(await modemJson(['--signal-get'])));
          } catch {
            signalReady = false;
          }
        }
        return { ...status, signal };
      } catch (error) {
        const fault = asModemError(error)?.fault ?? null;
        const state = fault === 'no-modem' ? 'absent' : fault === 'no-sim' ? 'sim-missing' : fault === 'pin' ? 'locked' : 'failed';
        return { state, operator: null, technology: null, roaming: false, signal: NO_SIGNAL };
      }
    },
  };
}
