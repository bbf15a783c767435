// The one runner for real commands (DESIGN: "every real command goes through
// one runner"). Everything the daemon asks of the OS (ip, tc, nft, uci, mmcli)
// passes through here, so argv handling, locale, timeouts and error reports are
// decided once. Tests swap it for a simulator through the CommandRunner interface.
import { spawn } from 'node:child_process';
import type { CommandResult, CommandRunner, RunOptions } from './types.ts';

const DEFAULT_TIMEOUT_MS = 10_000;
// `nft -j list ruleset` on a busy router can pass execFile's 1 MiB default;
// past this limit the child is killed and the run fails rather than eating RAM.
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

/** Why a command failed: a non-accepted exit code, a signal, our timeout, or it never started. */
export type CommandFailure =
  | { kind: 'exit'; code: number }
  | { kind: 'signal'; signal: string }
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'aborted' }
  | { kind: 'spawn'; errno: string }
  | { kind: 'output-limit' };

/** A failed command, carrying what a log reader needs to reproduce it. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
  readonly argv: readonly string[];
  readonly failure: CommandFailure;
  /** Exit code, or null when the command was killed or never started. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;

  constructor(argv: readonly string[], failure: CommandFailure, stdout: string, stderr: string) {
    super(`${formatArgv(argv)}: ${describe(failure)}${stderrSummary(stderr)}`);
    this.argv = [...argv];
    this.failure = failure;
    this.code = failure.kind === 'exit' ? failure.code : null;
    this.stdout = stdout;
    this.stderr = stderr;
  }
}

function describe(failure: CommandFailure): string {
  switch (failure.kind) {
    case 'exit':
      return `exit code ${failure.code}`;
    case 'signal':
      return `killed by ${failure.signal}`;
    case 'timeout':
      return `timed out after ${failure.timeoutMs} ms`;
    case 'aborted':
      return 'aborted';
    case 'spawn':
      return failure.errno === 'ENOENT' ? 'command not found' : `could not start (${failure.errno})`;
    case 'output-limit':
      return `output passed ${MAX_OUTPUT_BYTES} bytes`;
  }
}

// Quote only what needs it, so the message can be pasted into a shell to retry.
function formatArgv(argv: readonly string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`)).join(' ');
}

// The first lines are where ip/tc/nft say what went wrong; the rest is noise in a log.
function stderrSummary(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return '';
  const head = lines.slice(0, 3).join(' | ');
  return `: ${head.length > 400 ? `${head.slice(0, 400)}…` : head}${lines.length > 3 ? ' | …' : ''}`;
}

// Sub-commands must not vary with the locale (we parse their output), and
// OpenWrt and Debian keep ip/tc/nft in sbin dirs a non-login PATH may lack.
function commandEnv(): NodeJS.ProcessEnv {
  const path = (process.env.PATH ?? '/usr/bin:/bin').split(':').filter(Boolean);
  for (const dir of ['/usr/sbin', '/sbin']) if (!path.includes(dir)) path.push(dir);
  return { ...process.env, PATH: path.join(':'), LC_ALL: 'C' };
}

/**
 * Throws when a user-supplied value would start an argument with '-', where
 * a command would read it as an option. Returns the value, for use inline:
 * `['uci', 'get', userArg(key)]`.
 */
export function userArg(value: string, what = 'value'): string {
  if (value.startsWith('-')) throw new RangeError(`${what} must not start with '-': ${JSON.stringify(value)}`);
  return value;
}

/**
 * Ends the command and everything it started. The command leads a process group
 * of its own (spawned detached), so one signal to the group reaches the helpers
 * a command may fork (a shell's children, mmcli's D-Bus helpers), which killing
 * only the child would leave running.
 */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** The real CommandRunner: spawn with an argv array, never a shell. */
export function createRunner(defaults: { timeoutMs?: number } = {}): CommandRunner {
  const defaultTimeout = defaults.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    run(argv, options: RunOptions = {}) {
      const [file, ...args] = argv;
      if (file === undefined) return Promise.reject(new RangeError('empty argv'));
      const timeoutMs = options.timeoutMs ?? defaultTimeout;
      const okCodes = options.okCodes ?? [0];
      const { signal } = options;
      if (signal?.aborted) return Promise.reject(new CommandError(argv, { kind: 'aborted' }, '', ''));
      return new Promise<CommandResult>((resolve, reject) => {
        const child = spawn(file, args, { env: commandEnv(), detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        let bytes = 0;
        // Why it ended early, if it did: our timeout, the caller's abort, too much output, or no start.
        let ended: CommandFailure | null = null;
        const end = (why: CommandFailure) => {
          ended ??= why;
          killGroup(child.pid);
        };
        const collect = (into: Buffer[]) => (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > MAX_OUTPUT_BYTES) return end({ kind: 'output-limit' });
          into.push(chunk);
        };
        child.stdout.on('data', collect(out));
        child.stderr.on('data', collect(err));
        // A command stuck on a dead modem or D-Bus may ignore SIGTERM: SIGKILL, to the whole group.
        const timer = setTimeout(() => end({ kind: 'timeout', timeoutMs }), timeoutMs);
        const onAbort = () => end({ kind: 'aborted' });
        signal?.addEventListener('abort', onAbort, { once: true });
        child.on('error', (error: NodeJS.ErrnoException) => {
          ended ??= { kind: 'spawn', errno: error.code ?? 'unknown' };
        });
        child.on('close', (code, killedBy) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          const stdout = Buffer.concat(out).toString('utf8');
          const stderr = Buffer.concat(err).toString('utf8');
          const failure: CommandFailure | null =
            ended ?? (code === null ? { kind: 'signal', signal: killedBy ?? 'unknown signal' } : okCodes.includes(code) ? null : { kind: 'exit', code });
          if (failure) reject(new CommandError(argv, failure, stdout, stderr));
          else resolve({ stdout, stderr, code: code! });
        });
        // A command that exits without reading its input closes the pipe;
        // the EPIPE must not become an unhandled 'error' that kills the daemon.
        child.stdin.on('error', () => {});
        // Always close stdin, so a command that reads it (cat, nft -f -) never waits for more.
        child.stdin.end(options.input);
      });
    },
  };
}
