// The daemon's entry point: command line, start, signals. Everything else is in daemon.ts.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword } from './auth/password.ts';
import { parseCli, UsageError } from './cli.ts';

const usage = async () => (await import('./cli-usage.ts')).USAGE;
import { ConfigError } from './core/config.ts';
import { startDaemon } from './daemon.ts';
import { ListenError } from './listen.ts';
import { CommandError } from './ports/runner.ts';
import type { EarlySignal } from './entry.ts';

function log(line: string) {
  // procd sends stdout to logd; one line per event, no timestamps (logd adds them).
  process.stdout.write(`${line}\n`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(argv: string[], signals: EarlySignals): Promise<number> {
  const cli = parseCli(argv);
  if (cli.command === 'help') {
    log(await usage());
    return 0;
  }
  if (cli.command === 'hash-password') {
    const password = await readStdin();
    if (password.length < 10) {
      process.stderr.write('hash-password: the password must be at least 10 characters\n');
      return 2;
    }
    log(await hashPassword(password));
    return 0;
  }
  // SIGHUP and SIGUSR1 are taken from the first line (entry.ts); the ones that came
  // during start-up are acted on once the daemon is up (a reload waits, never kills).
  const here = dirname(fileURLToPath(signals.entryUrl));
  const started = await startDaemon({ ...cli, www: cli.www ?? join(here, 'www'), log });
  const daemon = started;
  signals.take((signal) => {
    log(signal === 'SIGHUP' ? 'SIGHUP: reloading the configuration' : 'SIGUSR1: re-applying the plan');
    void (signal === 'SIGHUP' ? daemon.reload() : daemon.reapply());
  });
  const first = daemon.listen[0]!;
  const host = first.host.includes(':') ? `[${first.host}]` : first.host;
  // One write, so that a reader sees the URL and the first sign-in facts together.
  const lines = [`modem-admin (${cli.platform}) serving http://${host}:${first.port}/`];
  if (daemon.label.setupRequired) lines.push(`first sign-in: open the page and enter the label secret: ${daemon.label.secret}`);
  if (daemon.simInstallerPassword) lines.push(`installer password of this simulated device: ${daemon.simInstallerPassword}`);
  log(lines.join('\n'));

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: saving state and stopping`);
      started.stop().then(resolve, (error: Error) => {
        log(`stop failed: ${error.message}`);
        resolve();
      });
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}

export type EarlySignals = { entryUrl: string; take(handler: (signal: EarlySignal) => void): void };

/** Runs the command line; entry.ts calls it once it has taken the signals. */
export function runMain(signals: EarlySignals): Promise<void> {
  return main(process.argv.slice(2), signals).then(
    (code) => process.exit(code),
    async (error: Error) => {
      const known = error instanceof UsageError || error instanceof ConfigError || error instanceof ListenError || error instanceof CommandError;
      process.stderr.write(`modem-admin: ${known ? error.message : (error.stack ?? error.message)}\n`);
      if (error instanceof UsageError) process.stderr.write(`${await usage()}\n`);
      process.exit(known ? 2 : 1);
    },
  );
}
