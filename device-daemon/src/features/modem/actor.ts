// The modem as one actor: its actions run one at a time, in order, like the
// modem's single USSD/SMS channel. An action's turn ends when its command ends,
// never earlier: past its time the action is aborted (its AbortSignal reaches
// the runner, which ends the command's whole process group), the caller hears
// 'timeout' at once, and the next action starts only once the aborted one has
// ended. A reply that comes after its action gave up is published as an event.
import { createHub } from '../../core/hub.ts';
import { ModemError } from '../../ports/modem/modem-error.ts';

/** A reply the network sent after the action that asked for it had given up. */
export type LateReply = { kind: 'ussd'; text: string };

/** Runs `work` in the modem's turn; `work` passes the signal to every port call. `timeoutMs` overrides the usual limit (a network scan). */
export type Exclusive = <T>(work: (signal: AbortSignal) => Promise<T>, timeoutMs?: number) => Promise<T>;

export function createModemActor(options: { timeoutMs: number }) {
  let tail: Promise<unknown> = Promise.resolve();
  const lateReplies = createHub<LateReply>();

  const run: Exclusive = (work, timeoutMs = options.timeoutMs) => {
    const turn = tail.then(() => {
      const controller = new AbortController();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new ModemError('timeout', 'the modem did not answer in time'));
        }, timeoutMs);
      });
      const ended = work(controller.signal).finally(() => clearTimeout(timer));
      return { answer: Promise.race([ended, timedOut]), ended };
    });
    // The next action waits for this command to END, not for its caller to give up.
    tail = turn.then((t) => t.ended).catch(() => {});
    return turn.then((t) => t.answer);
  };

  return { run, lateReplies };
}

export type ModemActor = ReturnType<typeof createModemActor>;
