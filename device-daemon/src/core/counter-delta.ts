// How many bytes moved between two readings of an interface's counters.
// The cases vnStat buries in its I/O loop are decided here, on values alone:
// a re-created interface (new ifindex, counters from zero), a 32-bit wrap on
// old drivers, a driver reset, and a jump larger than the link could carry.

export type CounterReading = {
  ifindex: number;
  rxBytes: number;
  txBytes: number;
  /** Monotonic milliseconds (not wall time, which can jump). */
  at: number;
};

export type DeltaNote = 'first' | 'missing' | 'recreated' | 'wrap' | 'reset' | 'clamped';

export type CounterDelta = { down: number; up: number; notes: DeltaNote[] };

const WRAP32 = 2 ** 32;

function oneCounter(
  prev: number,
  next: number,
  recreated: boolean,
  limit: number,
  notes: DeltaNote[],
): number {
  let bytes: number;
  if (recreated) bytes = next;
  else if (next >= prev) bytes = next - prev;
  else if (prev < WRAP32 && next < WRAP32 && next + WRAP32 - prev <= limit) {
    notes.push('wrap');
    bytes = next + WRAP32 - prev;
  } else {
    // Went down without a new ifindex: the driver reset its counters.
    notes.push('reset');
    bytes = next;
  }
  if (bytes > limit) {
    notes.push('clamped');
    return limit;
  }
  return bytes;
}

/**
 * Bytes received (down) and sent (up) on the WAN since `prev`. `maxBytesPerSecond`
 * bounds what the link can carry; anything above it over the elapsed time is an
 * implausible jump and is clamped. A missing interface counts nothing; the caller
 * keeps the last reading, so a re-created interface (new ifindex) counts from its
 * own zero, bounded by what the link could carry while it was gone.
 */
export function counterDelta(
  prev: CounterReading | null,
  next: CounterReading | null,
  maxBytesPerSecond: number,
): CounterDelta {
  if (!next) return { down: 0, up: 0, notes: ['missing'] };
  if (!prev) return { down: 0, up: 0, notes: ['first'] };
  const notes: DeltaNote[] = [];
  const recreated = next.ifindex !== prev.ifindex;
  if (recreated) notes.push('recreated');
  const ms = Math.max(next.at - prev.at, 1);
  const limit = Math.ceil((maxBytesPerSecond * ms) / 1000);
  const down = oneCounter(prev.rxBytes, next.rxBytes, recreated, limit, notes);
  const up = oneCounter(prev.txBytes, next.txBytes, recreated, limit, notes);
  return { down, up, notes: [...new Set(notes)] };
}
