// The modem actor: one action at a time, released when the command ends, and
// the timeout aborts the command instead of letting it run on beside the next.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createModemActor } from '../../../device-daemon/src/features/modem/actor.ts';
import { asModemError } from '../../../device-daemon/src/ports/modem/modem-error.ts';

const actor = suite('the modem actor');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

actor('an action past its time is aborted and its caller hears a timeout at once', async () => {
  const { run } = createModemActor({ timeoutMs: 50 });
  let aborted = false;
  const started = performance.now();
  const error = await run(
    (signal) =>
      new Promise((_, reject) =>
        signal.addEventListener('abort', () => {
          aborted = true;
          reject(new Error('killed'));
        }),
      ),
  ).catch((e: unknown) => e);
  assert.is(asModemError(error)?.fault, 'timeout');
  assert.ok(aborted, 'the command was told to stop');
  assert.ok(performance.now() - started < 1000);
});

actor('the next action starts only when the timed-out command has really ended', async () => {
  const { run } = createModemActor({ timeoutMs: 50 });
  const events: string[] = [];
  // A command that takes 200 ms to die after it is aborted (a process group being reaped).
  const first = run(
    (signal) =>
      new Promise((_, reject) =>
        signal.addEventListener('abort', () => {
          events.push('first aborted');
          setTimeout(() => {
            events.push('first ended');
            reject(new Error('killed'));
          }, 200);
        }),
      ),
  ).catch(() => events.push('first answered timeout'));
  const second = run(async () => {
    events.push('second started');
    return 'ok';
  });
  assert.is(await second, 'ok');
  await first;
  assert.equal(events, ['first aborted', 'first answered timeout', 'first ended', 'second started']);
});

actor('actions never overlap, and each runs in the order asked', async () => {
  const { run } = createModemActor({ timeoutMs: 1000 });
  let running = 0;
  let most = 0;
  const order: number[] = [];
  await Promise.all(
    [30, 5, 20, 1].map((ms, i) =>
      run(async () => {
        running++;
        most = Math.max(most, running);
        await sleep(ms);
        order.push(i);
        running--;
      }),
    ),
  );
  assert.is(most, 1);
  assert.equal(order, [0, 1, 2, 3]);
});

actor('a failed action does not stop the ones after it', async () => {
  const { run } = createModemActor({ timeoutMs: 1000 });
  const failed = run(async () => {
    throw new Error('no modem');
  }).catch((e: Error) => e.message);
  assert.is(await failed, 'no modem');
  assert.is(await run(async () => 'next'), 'next');
});

actor.run();
