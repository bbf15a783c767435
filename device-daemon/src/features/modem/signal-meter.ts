// The installer's live signal meter: a two-minute ring of samples fed by the
// status the tick publishes (one a tick, so at least one a second by default).
// It listens only while a meter is open, so an idle daemon builds no status for it.
import type { Status } from '../status/schemas.ts';
import { meterReading, pushSample, type SignalSample } from '../../core/signal-meter.ts';
import { createHub, type Hub } from '../../core/hub.ts';

export const SPARKLINE_MS = 120_000;

export type SignalFrame = ReturnType<typeof meterReading> & { time: string; technology: string | null; state: string; sample: SignalSample };

export function createSignalMeter(deps: { statusEvents: Hub<Status>; now: () => number; watch?: () => () => void }) {
  let history: SignalSample[] = [];
  const frames = createHub<SignalFrame>();
  let stop: (() => void) | null = null;
  let unwatch: (() => void) | null = null;

  function onStatus({ connection: c }: Status) {
    const sample = { t: deps.now(), rsrp: c.rsrp, rsrq: c.rsrq, sinr: c.sinr };
    history = pushSample(history, sample, SPARKLINE_MS);
    frames.publish({ time: new Date(sample.t).toISOString(), technology: c.technology, state: c.state, sample, ...meterReading(history) });
  }

  return {
    history: () => history,
    /** Frames from now on; the first subscriber starts the sampling, the last one stops it. */
    subscribe(listener: (frame: SignalFrame) => void): () => void {
      const off = frames.subscribe(listener);
      stop ??= deps.statusEvents.subscribe(onStatus);
      // The tick reads the modem every second only while someone watches.
      unwatch ??= deps.watch?.() ?? null;
      return () => {
        off();
        if (frames.size === 0) {
          stop?.();
          stop = null;
          unwatch?.();
          unwatch = null;
        }
      };
    },
  };
}

export type SignalMeter = ReturnType<typeof createSignalMeter>;
