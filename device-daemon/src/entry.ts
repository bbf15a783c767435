// The first code the daemon runs, with no static imports: it takes SIGHUP and
// SIGUSR1 before anything slow (loading the bundle, reading config and state)
// runs. Node's default for both is to exit, and procd's reload trigger can fire
// while the daemon is still starting. Signals that come early wait in `pending`
// until main.ts can act on them.
export type EarlySignal = 'SIGHUP' | 'SIGUSR1';

const pending: EarlySignal[] = [];
let deliver: ((signal: EarlySignal) => void) | null = null;
for (const signal of ['SIGHUP', 'SIGUSR1'] as const) {
  process.on(signal, () => (deliver ? deliver(signal) : void pending.push(signal)));
}

const { runMain } = await import('./main.ts');
await runMain({
  /** Where the daemon is installed: the UI (www/) sits beside this file. */
  entryUrl: import.meta.url,
  /** From now on signals go to `handler`; the ones that came early are handed over first. */
  take(handler: (signal: EarlySignal) => void) {
    deliver = handler;
    for (const signal of pending.splice(0)) handler(signal);
  },
});
