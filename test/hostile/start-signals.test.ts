// procd's reload trigger can send SIGHUP while the daemon is still starting
// (a config change racing a start). Node's default for SIGHUP is to exit.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { defaultConfig, freePort, repo } from '../../build/daemon-process.ts';

const test = suite('signals at start (built daemon)');

/** Whether the process has a handler for SIGHUP (bit 0 of SigCgt in /proc). */
function catchesHup(pid: number): boolean {
  const mask = /SigCgt:\s*([0-9a-f]+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '0';
  return (BigInt(`0x${mask}`) & 1n) === 1n;
}

test('the bundle takes SIGHUP before it loads anything: its entry has no static import', () => {
  const entry = readFileSync(join(repo, 'dist/daemon.mjs'), 'utf8');
  assert.not.match(entry, /^\s*import[\s{*"']/m, 'no static import in dist/daemon.mjs');
  assert.ok(entry.indexOf('SIGHUP') < entry.indexOf('import('), 'the handler comes before the first import');
  assert.ok(entry.length < 1024, `the entry is ${entry.length} bytes`);
});

test('a SIGHUP as soon as Node can take one, while the daemon starts, is a reload once it is up, not an exit', async () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'modem-admin-hup-'));
  const port = await freePort();
  const child = spawn(process.execPath, [join(repo, 'dist/daemon.mjs'), '--platform', 'sim', '--config', defaultConfig, '--state-dir', stateDir, '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c));
  child.stderr.on('data', (c: Buffer) => (output += c));
  try {
    const until = Date.now() + 20_000;
    while (!catchesHup(child.pid!) && Date.now() < until) await new Promise((r) => setTimeout(r, 1));
    assert.not.match(output, /serving http/, 'the signal comes during start-up');
    child.kill('SIGHUP');
    await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGHUP');
    while (!(/SIGHUP: reloading/.test(output) && /serving http/.test(output)) && child.exitCode === null && child.signalCode === null && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    assert.is(child.signalCode, null, `the daemon was killed by ${child.signalCode}:\n${output}`);
    assert.match(output, /serving http/);
    assert.match(output, /SIGHUP: reloading the configuration/);
    assert.is((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(stateDir, { recursive: true, force: true });
  }
});

test.run();
