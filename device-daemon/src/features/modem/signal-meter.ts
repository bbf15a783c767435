// The installer's live signal meter: a two-minute ring of samples fed by the
// status the tick publishes (one a tick, so at least one a second by default),
// the best sample so far with when and on which cell, and the serving cell read
// every few seconds. It listens only while a meter is open, so an idle daemon
// builds no status for it.
import type { Status } from '../status/schemas.ts';
import { beats, meterReading, overall, pushSample, type SignalSample } from '../../core/signal-meter.ts';
import { createHub, type Hub } from '../../core/hub.ts';
import type { ServingCell } from '../../ports/types.ts';

export const SPARKLINE_MS = 120_000;
/** How often the serving cell is read while the meter is open (each read runs mmcli twice). */
export const CELL_EVERY_MS = 5000;

export type BestSample = SignalSample & { cell: ServingCell | null };

export type SignalFrame = ReturnType<typeof meterReading> & {
  time: string;
  technology: string | null;
  state: string;
  sample: SignalSample;
  /** The word for the whole reading. */
  quality: ReturnType<typeof overall>;
  best: BestSample | null;
  /** The serving cell; null until read, or when the modem cannot say. */
  cell: ServingCell | null;
};

export function createSignalMeter(deps: { statusEvents: Hub<Status>; now: () => number; watch?: () => () => void; cell?: () => Promise<ServingCell> }) {
  let history: SignalSample[] = [];
  let best: BestSample | null = null;
  let cell: ServingCell | null = null;
  let cellAt = -Infinity;
  let reading = false;
  const frames = createHub<SignalFrame>();
  let stop: (() => void) | null = null;
  let unwatch: (() => void) | null = null;

  function readCell(t: number) {
    if (!deps.cell || reading || t - cellAt < CELL_EVERY_MS) return;
    reading = true;
    cellAt = t;
    deps
      .cell()
      .then(
        (c) => {
          cell = c;
          // The best sample came before its cell was known: it was on this one.
          if (best && !best.cell) best = { ...best, cell: c };
        },
        () => void (cell = null),
      )
      .finally(() => (reading = false));
  }

  function onStatus({ connection: c }: Status) {
    const sample = { t: deps.now(), rsrp: c.rsrp, rsrq: c.rsrq, sinr: c.sinr };
    history = pushSample(history, sample, SPARKLINE_MS);
    readCell(sample.t);
    if (beats(sample, best)) best = { ...sample, cell };
    const figures = meterReading(history);
    frames.publish({ time: new Date(sample.t).toISOString(), technology: c.technology, state: c.state, sample, ...figures, quality: overall(figures), best, cell });
  }

  return {
    history: () => history,
    /** The best sample since start (or the last reset), with its cell: the commissioning record's "best". */
    best: () => best,
    resetBest: () => void (best = null),
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
