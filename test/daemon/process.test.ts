// The built daemon as a process: command line, start, stop, state across restarts.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { verifyPassword } from '../../device-daemon/src/auth/password.ts';
import { repo, signInCustomer, startDaemonProcess } from '../../build/daemon-process.ts';

const proc = suite('daemon process');
const bundle = join(repo, 'dist/daemon.mjs');
const run = (args: string[], input?: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, [bundle, ...args], { timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input ?? '');
  });
const tempDir = () => mkdtempSync(join(tmpdir(), 'modem-admin-proc-'));

proc('--help lists every flag of the command line contract', async () => {
  const { code, stdout } = await run(['--help']);
  assert.is(code, 0);
  for (const flag of ['--platform', 'sim|linux|openwrt', '--config', '--state-dir', '--listen', '--help', 'hash-password']) assert.ok(stdout.includes(flag), flag);
});

proc('an unknown flag or platform exits 2 with a clear message', async () => {
  const a = await run(['--frobnicate']);
  assert.is(a.code, 2);
  assert.match(a.stderr, /frobnicate/);
  const b = await run(['--platform', 'windows']);
  assert.is(b.code, 2);
  assert.match(b.stderr, /--platform must be sim, linux or openwrt/);
});

proc('hash-password reads stdin and prints a hash that verifies', async () => {
  const { code, stdout } = await run(['hash-password'], 'correct horse battery\n');
  assert.is(code, 0);
  const hash = stdout.trim();
  assert.match(hash, /^\$scrypt\$/);
  assert.ok(await verifyPassword('correct horse battery', hash));
  assert.not.ok(await verifyPassword('correct horse battery\n', hash));
  const short = await run(['hash-password'], 'short');
  assert.is(short.code, 2);
});

proc('a bad config value stops the daemon with the option and the reason', async () => {
  const config = join(tempDir(), 'modem-admin');
  writeFileSync(config, `config plan 'plan'\n\toption cap 'lots'\n`);
  const { code, stderr } = await run(['--config', config, '--state-dir', tempDir(), '--listen', '127.0.0.1:0']);
  assert.is(code, 2);
  assert.match(stderr, /plan\.cap: must be a size/);
});

proc('listening on every address is refused unless the config allows it', async () => {
  const { code, stderr } = await run(['--state-dir', tempDir(), '--config', join(repo, 'openwrt/files/etc/config/modem-admin'), '--listen', '0.0.0.0:8089']);
  assert.is(code, 2);
  assert.match(stderr, /allow_any_address/);
});

proc('SIGTERM saves the state: the next start carries the usage on', async () => {
  const stateDir = tempDir();
  const first = await startDaemonProcess({ stateDir });
  assert.ok(first.secret, 'first start prints the label secret');
  const session = await signInCustomer(first);
  await new Promise((r) => setTimeout(r, 2500));
  const before = (await (await fetch(`${first.url}/api/status`, { headers: { cookie: session.cookie } })).json()) as { usage: { total: number } };
  assert.ok(before.usage.total > 0, 'the simulated traffic moved the counters');
  assert.is(await first.stop('SIGTERM'), 0);
  const second = await startDaemonProcess({ stateDir });
  assert.is(second.secret, null, 'setup is done: no label secret printed');
  const again = await signInCustomer(second);
  const after = (await (await fetch(`${second.url}/api/status`, { headers: { cookie: again.cookie } })).json()) as { usage: { total: number } };
  assert.ok(after.usage.total >= before.usage.total, `${after.usage.total} >= ${before.usage.total}`);
  await second.dispose();
});

proc('SIGKILL loses at most the last tick: the RAM journal carries the count over', async () => {
  const stateDir = tempDir();
  const first = await startDaemonProcess({ stateDir });
  const session = await signInCustomer(first);
  await new Promise((r) => setTimeout(r, 2500));
  const seen = (await (await fetch(`${first.url}/api/status`, { headers: { cookie: session.cookie } })).json()) as { usage: { total: number } };
  await first.stop('SIGKILL');
  const second = await startDaemonProcess({ stateDir });
  const again = await signInCustomer(second);
  const after = (await (await fetch(`${second.url}/api/status`, { headers: { cookie: again.cookie } })).json()) as { usage: { total: number } };
  // The status we saw was at most one tick old when the process died, and it was journaled.
  assert.ok(after.usage.total >= seen.usage.total, `${after.usage.total} >= ${seen.usage.total}`);
  await second.dispose();
});

proc('a fresh --state-dir ignores the RAM journal of another store in the same RAM directory, and says so', async () => {
  const ramDir = tempDir();
  const first = await startDaemonProcess({ stateDir: tempDir(), args: ['--ram-dir', ramDir] });
  const session = await signInCustomer(first);
  await new Promise((r) => setTimeout(r, 6000));
  const seen = (await (await fetch(`${first.url}/api/status`, { headers: { cookie: session.cookie } })).json()) as { usage: { total: number } };
  assert.ok(seen.usage.total > 0);
  await first.stop('SIGKILL');
  const other = await startDaemonProcess({ stateDir: tempDir(), args: ['--ram-dir', ramDir] });
  const again = await signInCustomer(other);
  const after = (await (await fetch(`${other.url}/api/status`, { headers: { cookie: again.cookie } })).json()) as { usage: { total: number } };
  // The other store had counted six seconds and more of simulated traffic; this one only its own first moments.
  assert.ok(after.usage.total < seen.usage.total, `took the other store's usage: ${after.usage.total} >= ${seen.usage.total}`);
  assert.match(other.output(), /RAM journal's usage belongs to another store/);
  await other.dispose();
});

proc('SIGHUP re-reads the configuration and keeps the counts; a bad one is refused and the old kept', async () => {
  const stateDir = tempDir();
  const first = await startDaemonProcess({ stateDir });
  const session = await signInCustomer(first);
  const status = async () =>
    (await (await fetch(`${first.url}/api/status`, { headers: { cookie: session.cookie } })).json()) as { usage: { total: number; allowance: number; cycleStart: string } };
  await new Promise((r) => setTimeout(r, 1500));
  const before = await status();
  assert.is(before.usage.allowance, 20 * 1024 ** 3);
  // On the simulated device UCI lives in the state dir (seeded from --config).
  const uciFile = join(stateDir, 'sim', 'uci', 'modem-admin');
  mkdirSync(join(stateDir, 'sim', 'uci'), { recursive: true });
  const config = readFileSync(join(repo, 'openwrt/files/etc/config/modem-admin'), 'utf8');
  writeFileSync(uciFile, config.replace("option cap '20G'", "option cap '30G'"));
  process.kill(first.pid, 'SIGHUP');
  // The period closes once the reload is read (the log's last word on it), then the status is built anew.
  await waitFor(() => /reload: changed plan\.cap/.test(first.output()) && /the plan changed \(cap\)/.test(first.output())).catch((error: Error) => {
    throw new Error(`${error.message}:\n${first.output()}`);
  });
  await new Promise((r) => setTimeout(r, 300));
  const after = await status();
  assert.is(after.usage.allowance, 30 * 1024 ** 3);
  // A new cap takes effect at the reload: the period closed there, with its counts, into history.
  const reloadedAt = Date.parse(after.usage.cycleStart);
  assert.ok(reloadedAt > Date.parse(before.usage.cycleStart) && reloadedAt <= Date.now(), `the period opened at the reload: ${after.usage.cycleStart}`);
  const past = (await (await fetch(`${first.url}/api/usage/history`, { headers: { cookie: session.cookie } })).json()) as { cycles: { end: string; total: number }[] };
  assert.is(past.cycles[0]!.end, after.usage.cycleStart);
  assert.ok(past.cycles[0]!.total >= before.usage.total, 'counts kept in the closed period');
  writeFileSync(uciFile, config.replace("option cap '20G'", "option cap 'lots'"));
  process.kill(first.pid, 'SIGHUP');
  await waitFor(() => /reload: kept the running configuration: [\s\S]*plan\.cap/.test(first.output()));
  assert.is((await status()).usage.allowance, 30 * 1024 ** 3);
  process.kill(first.pid, 'SIGUSR1');
  await new Promise((r) => setTimeout(r, 300));
  assert.is((await fetch(`${first.url}/healthz`)).status, 200, 'a re-apply request leaves it serving');
  assert.is(await first.stop('SIGTERM'), 0);
});

proc('uci + SIGHUP: a plan change that no longer warrants the throttle lifts it within one tick', async () => {
  const stateDir = tempDir();
  const config = readFileSync(join(repo, 'openwrt/files/etc/config/modem-admin'), 'utf8');
  const configFile = join(tempDir(), 'modem-admin');
  writeFileSync(configFile, config.replace("option cap '20G'", "option cap '100K'"));
  const first = await startDaemonProcess({ stateDir, config: configFile });
  const session = await signInCustomer(first);
  const status = async () =>
    (await (await fetch(`${first.url}/api/status`, { headers: { cookie: session.cookie } })).json()) as { usage: { state: string; total: number } };
  const until = async (state: string, ms: number) => {
    const end = Date.now() + ms;
    while ((await status()).usage.state !== state) {
      if (Date.now() > end) throw new Error(`not ${state} after ${ms} ms: ${JSON.stringify(await status())}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  await until('throttled', 8000);
  mkdirSync(join(stateDir, 'sim', 'uci'), { recursive: true });
  writeFileSync(join(stateDir, 'sim', 'uci', 'modem-admin'), config);
  const sent = Date.now();
  process.kill(first.pid, 'SIGHUP');
  // poll_ms is 1000 in the shipped config: one tick, and the time to see it.
  await until('normal', 1500);
  console.log(`    throttle lifted ${Date.now() - sent} ms after SIGHUP`);
  assert.match(first.output(), /the plan changed \(cap\)/);
  assert.is(await first.stop('SIGTERM'), 0);
});

async function waitFor(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for the daemon to say so');
    await new Promise((r) => setTimeout(r, 50));
  }
}

proc.run();
