// The real command runner against real commands: no mocks, since what matters
// is how spawn, the kernel and the commands actually behave.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CommandError, createRunner, userArg } from '../../device-daemon/src/ports/runner.ts';

const runner = createRunner();

async function failure(promise: Promise<unknown>): Promise<CommandError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  assert.instance(error, CommandError, 'expected the command to fail with a CommandError');
  return error as CommandError;
}

const run = suite('runner');

run('a command that exits 0 resolves with its output and code 0', async () => {
  assert.equal(await runner.run(['true']), { stdout: '', stderr: '', code: 0 });
  const echo = await runner.run(['echo', 'hello']);
  assert.is(echo.stdout, 'hello\n');
});

run('a non-zero exit rejects with a CommandError carrying argv and code', async () => {
  const error = await failure(runner.run(['false']));
  assert.equal(error.argv, ['false']);
  assert.is(error.code, 1);
  assert.equal(error.failure, { kind: 'exit', code: 1 });
  assert.match(error.message, /^false: exit code 1/);
});

run('an exit code listed in okCodes resolves with that code', async () => {
  const result = await runner.run(['sh', '-c', 'echo partial; exit 3'], { okCodes: [0, 3] });
  assert.equal(result, { stdout: 'partial\n', stderr: '', code: 3 });
});

run('input is written to stdin and stdin is closed', async () => {
  const text = 'line one\nline "two" $(x)\n';
  assert.is((await runner.run(['cat'], { input: text })).stdout, text);
});

run('a command that reads stdin gets end of file when there is no input', async () => {
  assert.is((await runner.run(['cat'], { timeoutMs: 2000 })).stdout, '');
});

run('a command that ignores its input does not break the runner', async () => {
  const big = 'x'.repeat(4 * 1024 * 1024);
  assert.is((await runner.run(['true'], { input: big })).code, 0);
});

run('a command running past its timeout is killed and reported as a timeout', async () => {
  const started = Date.now();
  const error = await failure(runner.run(['sleep', '5'], { timeoutMs: 200 }));
  assert.ok(Date.now() - started < 3000, 'the runner must not wait for sleep to finish');
  assert.equal(error.failure, { kind: 'timeout', timeoutMs: 200 });
  assert.is(error.code, null);
  assert.match(error.message, /sleep 5: timed out after 200 ms/);
});

/** Whether process `pid` still runs (a zombie counts as gone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
}

run('aborting a command ends it and everything it started, and reports it as aborted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'runner-group-'));
  const pidFile = join(dir, 'pid');
  try {
    const controller = new AbortController();
    const running = failure(runner.run(['sh', '-c', `sleep 30 & echo $! > ${pidFile}.tmp; mv ${pidFile}.tmp ${pidFile}; wait`], { signal: controller.signal, timeoutMs: 20_000 }));
    for (let i = 0; i < 200 && !existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 20));
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    assert.ok(alive(grandchild), 'the grandchild runs before the abort');
    const started = Date.now();
    controller.abort();
    const error = await running;
    assert.equal(error.failure, { kind: 'aborted' });
    assert.ok(Date.now() - started < 2000, 'the abort ends the command at once');
    for (let i = 0; i < 50 && alive(grandchild); i++) await new Promise((r) => setTimeout(r, 20));
    assert.not.ok(alive(grandchild), 'the sleep the shell started is gone too');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

run('a timeout ends the whole process group, not only the command', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'runner-group-'));
  const pidFile = join(dir, 'pid');
  try {
    const error = await failure(runner.run(['sh', '-c', `sleep 30 & echo $! > ${pidFile}.tmp; mv ${pidFile}.tmp ${pidFile}; wait`], { timeoutMs: 500 }));
    assert.equal(error.failure, { kind: 'timeout', timeoutMs: 500 });
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    for (let i = 0; i < 50 && alive(grandchild); i++) await new Promise((r) => setTimeout(r, 20));
    assert.not.ok(alive(grandchild), 'the sleep the shell started is gone too');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

run('a command aborted before it starts is not run', async () => {
  const controller = new AbortController();
  controller.abort();
  const error = await failure(runner.run(['sh', '-c', 'exit 0'], { signal: controller.signal }));
  assert.equal(error.failure, { kind: 'aborted' });
});

run('the default timeout comes from createRunner', async () => {
  const quick = createRunner({ timeoutMs: 150 });
  const error = await failure(quick.run(['sleep', '5']));
  assert.is(error.failure.kind, 'timeout');
});

run('a command killed by a signal is reported with the signal', async () => {
  const error = await failure(runner.run(['sh', '-c', 'kill -TERM $$']));
  assert.equal(error.failure, { kind: 'signal', signal: 'SIGTERM' });
});

run('a command that does not exist rejects as not found', async () => {
  const error = await failure(runner.run(['no-such-command-lte-test', '--x'], { input: 'ignored' }));
  assert.equal(error.failure, { kind: 'spawn', errno: 'ENOENT' });
  assert.match(error.message, /no-such-command-lte-test --x: command not found/);
});

run("the error message holds the argv and the first lines of stderr", async () => {
  const script = 'echo "RTNETLINK answers: File exists" >&2; echo second >&2; echo 3 >&2; echo 4 >&2; exit 2';
  const error = await failure(runner.run(['sh', '-c', script]));
  assert.is(error.code, 2);
  assert.match(error.stderr, /^RTNETLINK answers: File exists\nsecond\n3\n4\n$/);
  assert.match(error.message, /^sh -c 'echo /);
  assert.match(error.message, /exit code 2: RTNETLINK answers: File exists \| second \| 3 \| …$/);
});

run('the child sees LC_ALL=C and sbin directories in PATH', async () => {
  const env = (await runner.run(['env'])).stdout.split('\n');
  assert.ok(env.includes('LC_ALL=C'), 'LC_ALL=C');
  const path = env.find((line) => line.startsWith('PATH='))?.slice(5).split(':') ?? [];
  assert.ok(path.includes('/usr/sbin') && path.includes('/sbin'), path.join(':'));
});

run('arguments reach the command literally, never through a shell', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'runner-test-'));
  try {
    const marker = join(dir, 'marker');
    const hostile = [
      'two words',
      `it's "quoted"`,
      `; touch ${marker}`,
      `$(touch ${marker})`,
      `\`touch ${marker}\``,
      `| touch ${marker} &&`,
      '*',
      '$HOME',
      'new\nline',
    ];
    const result = await runner.run(['printf', '%s\\0', ...hostile]);
    assert.equal(result.stdout.split('\0').slice(0, -1), hostile);
    assert.not.ok(existsSync(marker), 'no shell may have run the marker command');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

run.run();

const guard = suite('userArg');

guard('passes ordinary values through unchanged', () => {
  assert.is(userArg('wwan0'), 'wwan0');
  assert.is(userArg('a-b'), 'a-b');
  assert.is(userArg(''), '');
});

guard('throws on a value that would be read as an option', () => {
  assert.throws(() => userArg('-rf'), /must not start with '-'/);
  assert.throws(() => userArg('--help', 'interface'), /interface must not start with '-': "--help"/);
});

guard.run();
