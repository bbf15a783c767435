import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { counterDelta, type CounterReading } from '../../device-daemon/src/core/counter-delta.ts';

const delta = suite('counterDelta');
const MAX = 125_000_000; // 1 Gbit/s in bytes per second
const LINK = { maxBytesPerSecond: MAX, tickMs: 1000 };
const at = (ifindex: number, rx: number, tx: number, ms: number): CounterReading => ({ ifindex, rxBytes: rx, txBytes: tx, at: ms });

delta('counts the difference between two readings', () => {
  assert.equal(counterDelta(at(4, 1000, 200, 0), at(4, 5000, 700, 1000), LINK), { down: 4000, up: 500, notes: [] });
});

delta('the first reading is only a baseline', () => {
  assert.equal(counterDelta(null, at(4, 10 ** 9, 10 ** 8, 0), LINK), { down: 0, up: 0, notes: ['first'] });
});

delta('a missing interface counts nothing', () => {
  assert.equal(counterDelta(at(4, 1, 1, 0), null, LINK), { down: 0, up: 0, notes: ['missing'] });
});

delta('a re-created interface (modem reconnect, new ifindex) counts from its own zero', () => {
  const d = counterDelta(at(4, 9_000_000, 800_000, 0), at(5, 3000, 100, 1000), LINK);
  assert.equal(d, { down: 3000, up: 100, notes: ['recreated'] });
});

delta('a re-created interface counts from zero even when its counters are already higher', () => {
  const d = counterDelta(at(4, 1000, 1000, 0), at(7, 50_000, 60_000, 2000), LINK);
  assert.equal([d.down, d.up], [50_000, 60_000]);
});

delta('a 32-bit counter wrap counts the bytes across the wrap', () => {
  const d = counterDelta(at(4, 2 ** 32 - 1000, 2 ** 32 - 10, 0), at(4, 500, 20, 1000), LINK);
  assert.equal(d, { down: 1500, up: 30, notes: ['wrap'] });
});

delta('a drop on a 64-bit counter with the same ifindex is a driver reset', () => {
  const d = counterDelta(at(4, 2 ** 40, 2 ** 35, 0), at(4, 1000, 10, 1000), LINK);
  assert.equal(d, { down: 1000, up: 10, notes: ['reset'] });
});

delta('injected jumps of 2^32 and 2^33 bytes in one second are clamped to what the link carries', () => {
  for (const jump of [2 ** 32, 2 ** 33]) {
    const d = counterDelta(at(4, 10_000, 10_000, 0), at(4, 10_000 + jump, 10_000 + jump, 1000), LINK);
    assert.equal(d.down, MAX);
    assert.equal(d.up, MAX);
    assert.equal(d.notes, ['clamped']);
  }
});

delta('the plausibility bound grows with the time between readings', () => {
  const d = counterDelta(at(4, 0, 0, 0), at(4, 2 ** 32, 0, 60_000), LINK);
  assert.equal(d.down, 2 ** 32);
  assert.equal(d.notes, []);
});

delta('property: deltas are never negative and never above the bound', () => {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 2000; i++) {
    const prev = at(1 + Math.floor(rnd() * 2), Math.floor(rnd() * 2 ** 34), Math.floor(rnd() * 2 ** 33), 0);
    const next = at(1 + Math.floor(rnd() * 2), Math.floor(rnd() * 2 ** 34), Math.floor(rnd() * 2 ** 33), 1 + Math.floor(rnd() * 5000));
    const d = counterDelta(prev, next, LINK);
    const bound = Math.ceil((MAX * next.at) / 1000);
    assert.ok(d.down >= 0 && d.up >= 0 && d.down <= bound && d.up <= bound, JSON.stringify({ prev, next, d }));
  }
});

const booted = (bootId: string, ifindex: number, rx: number, tx: number, ms: number): CounterReading => ({ bootId, ifindex, rxBytes: rx, txBytes: tx, at: ms });

delta('a power cut of any length: same ifindex, counters from zero, a new boot id counts only the new traffic', () => {
  // The router was down 10 minutes: 4 GiB at the link limit would take 34 s.
  const d = counterDelta(booted('boot-a', 4, 900_000_000, 80_000_000, 0), booted('boot-b', 4, 5000, 700, 600_000), LINK);
  assert.equal(d, { down: 5000, up: 700, notes: ['rebooted'] });
});

delta('within one boot, a drop after a gap long enough for 4 GiB is a driver reset, not a wrap', () => {
  // 60 s apart: 7.5 GB could have passed, but the previous value was nowhere near 2^32.
  const d = counterDelta(booted('boot-a', 4, 50_000_000, 9_000_000, 0), booted('boot-a', 4, 3000, 200, 60_000), LINK);
  assert.equal(d, { down: 3000, up: 200, notes: ['reset'] });
});

delta('within one boot, a drop is a wrap only when the previous value was within one tick of link traffic of 2^32', () => {
  const tick = MAX; // one 1 s tick at 1 Gbit/s
  const near = counterDelta(booted('b', 4, 2 ** 32 - tick, 0, 0), booted('b', 4, 1000, 0, 2000), LINK);
  assert.equal([near.down, near.notes], [tick + 1000, ['wrap']]);
  const far = counterDelta(booted('b', 4, 2 ** 32 - tick - 1, 0, 0), booted('b', 4, 1000, 0, 2000), LINK);
  assert.equal([far.down, far.notes], [1000, ['reset']]);
});

delta('a reading stored without a boot id is compared by ifindex alone', () => {
  const d = counterDelta(at(4, 2 ** 32 - 1000, 0, 0), booted('boot-a', 4, 500, 0, 1000), LINK);
  assert.equal(d.notes, ['wrap']);
});

delta.run();
