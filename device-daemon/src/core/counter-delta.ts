// How many bytes moved between two readings of an interface's counters.
// The cases vnStat buries in its I/O loop are decided here, on values alone:
// a reboot (new boot id) or a re-created interface (new ifindex), both counting
// from their new zero; a 32-bit wrap on old drivers; a driver reset; and a jump
// larger than the link could carry.

export type CounterReading = {
  /**
   * The kernel's boot id (/proc/sys/kernel/random/boot_id) when the reading was
   * taken. A router that rebooted can give its WAN device the same ifindex with
   * counters from zero: only the boot id tells that apart from a wrap. Absent
   * in readings stored before it was recorded.
   */
  bootId?: string | null;
  ifindex: number;
  rxBytes: number;
  txBytes: number;
  /** Monotonic milliseconds (not wall time, which can jump). */
  at: number;
};

export type DeltaNote = 'first' | 'missing' | 'rebooted' | 'recreated' | 'wrap' | 'reset' | 'clamped';

export type CounterDelta = { down: number; up: number; notes: DeltaNote[] };

export type LinkLimits = {
  /** What the link can carry; more than this over the elapsed time is implausible. */
  maxBytesPerSecond: number;
  /** The sampling tick: a 32-bit counter can only have wrapped from within one tick's traffic of 2^32. */
  tickMs: number;
};

const WRAP32 = 2 ** 32;

function oneCounter(prev: number, next: number, fromZero: boolean, limit: number, tickBytes: number, notes: DeltaNote[]): number {
  let bytes: number;
  if (fromZero) bytes = next;
  else if (next >= prev) bytes = next - prev;
  else if (prev < WRAP32 && prev >= WRAP32 - tickBytes && next + WRAP32 - prev <= limit) {
    // Only a counter that was about to reach 2^32 can have wrapped; any other drop,
    // even after a gap long enough for 4 GiB to pass, is a reset: adding 4 GiB
    // there would put a customer over the cap for nothing.
    notes.push('wrap');
    bytes = next + WRAP32 - prev;
  } else {
    // Went down within one boot, on the same ifindex: the driver reset its counters.
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
 * Bytes received (down) and sent (up) on the WAN since `prev`. A missing
 * interface counts nothing; the caller keeps the last reading, so a re-created
 * interface (new ifindex) or a new boot counts from its own zero, bounded by
 * what the link could carry while it was gone.
 */
export function counterDelta(prev: CounterReading | null, next: CounterReading | null, link: LinkLimits): CounterDelta {
  if (!next) return { down: 0, up: 0, notes: ['missing'] };
  if (!prev) return { down: 0, up: 0, notes: ['first'] };
  const notes: DeltaNote[] = [];
  // A reading without a boot id (stored by an older version) is compared by ifindex alone.
  const rebooted = Boolean(prev.bootId && next.bootId && prev.bootId !== next.bootId);
  const recreated = next.ifindex !== prev.ifindex;
  if (rebooted) notes.push('rebooted');
  else if (recreated) notes.push('recreated');
  const ms = Math.max(next.at - prev.at, 1);
  const limit = Math.ceil((link.maxBytesPerSecond * ms) / 1000);
  const tickBytes = Math.ceil((link.maxBytesPerSecond * link.tickMs) / 1000);
  const fromZero = rebooted || recreated;
  const down = oneCounter(prev.rxBytes, next.rxBytes, fromZero, limit, tickBytes, notes);
  const up = oneCounter(prev.txBytes, next.txBytes, fromZero, limit, tickBytes, notes);
  return { down, up, notes: [...new Set(notes)] };
}
