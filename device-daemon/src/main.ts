// The daemon's entry point: command line, start, signals. Everything else is in daemon.ts.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword } from './auth/password.ts';
import { parseCli, USAGE, UsageError } from './cli.ts';
import { ConfigError } from './core/config.ts';
import { startDaemon } from './daemon.ts';
import { ListenError } from './listen.ts';

function log(line: string) {
  // procd sends stdout to logd; one line per event, no timestamps (logd adds them).
  process.stdout.write(`${line}\n`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(argv: string[]): Promise<number> {
  const cli = parseCli(argv);
  if (cli.command === 'help') {
    log(USAGE);
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
  const here = dirname(fileURLToPath(import.meta.url));
  const daemon = await startDaemon({ ...cli, www: cli.www ?? join(here, 'www'), log });
  const first = daemon.listen[0]!;
  const host = first.host.includes(':') ? `[${first.host}]` : first.host;
  log(`modem-admin (${cli.platform}) serving http://${host}:${first.port}/`);
  if (daemon.label.setupRequired) log(`first sign-in: open the page and enter the label secret: ${daemon.label.secret}`);
  if (daemon.simInstallerPassword) log(`installer password of this simulated device: ${daemon.simInstallerPassword}`);

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: saving state and stopping`);
      daemon.stop().then(resolve, (error: Error) => {
        log(`stop failed: ${error.message}`);
        resolve();
      });
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    const known = error instanceof UsageError || error instanceof ConfigError || error instanceof ListenError;
    process.stderr.write(`modem-admin: ${known ? error.message : (error.stack ?? error.message)}\n`);
    if (error instanceof UsageError) process.stderr.write(`${USAGE}\n`);
    process.exit(known ? 2 : 1);
  },
);
