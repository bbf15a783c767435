import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { counterDelta, type CounterReading } from '../../device-daemon/src/core/counter-delta.ts';

const delta = suite('counterDelta');
const MAX = 125_000_000; // 1 Gbit/s in bytes per second
const at = (ifindex: number, rx: number, tx: number, ms: number): CounterReading => ({ ifindex, rxBytes: rx, txBytes: tx, at: ms });

delta('counts the difference between two readings', () => {
  assert.equal(counterDelta(at(4, 1000, 200, 0), at(4, 5000, 700, 1000), MAX), { down: 4000, up: 500, notes: [] });
});

delta('the first reading is only a baseline', () => {
  assert.equal(counterDelta(null, at(4, 10 ** 9, 10 ** 8, 0), MAX), { down: 0, up: 0, notes: ['first'] });
});

delta('a missing interface counts nothing', () => {
  assert.equal(counterDelta(at(4, 1, 1, 0), null, MAX), { down: 0, up: 0, notes: ['missing'] });
});

delta('a re-created interface (modem reconnect, new ifindex) counts from its own zero', () => {
  const d = counterDelta(at(4, 9_000_000, 800_000, 0), at(5, 3000, 100, 1000), MAX);
  assert.equal(d, { down: 3000, up: 100, notes: ['recreated'] });
});

delta('a re-created interface counts from zero even when its counters are already higher', () => {
  const d = counterDelta(at(4, 1000, 1000, 0), at(7, 50_000, 60_000, 2000), MAX);
  assert.equal([d.down, d.up], [50_000, 60_000]);
});

delta('a 32-bit counter wrap counts the bytes across the wrap', () => {
  const d = counterDelta(at(4, 2 ** 32 - 1000, 2 ** 32 - 10, 0), at(4, 500, 20, 1000), MAX);
  assert.equal(d, { down: 1500, up: 30, notes: ['wrap'] });
});

delta('a drop on a 64-bit counter with the same ifindex is a driver reset', () => {
  const d = counterDelta(at(4, 2 ** 40, 2 ** 35, 0), at(4, 1000, 10, 1000), MAX);
  assert.equal(d, { down: 1000, up: 10, notes: ['reset'] });
});

delta('injected jumps of 2^32 and 2^33 bytes in one second are clamped to what the link carries', () => {
  for (const jump of [2 ** 32, 2 ** 33]) {
    const d = counterDelta(at(4, 10_000, 10_000, 0), at(4, 10_000 + jump, 10_000 + jump, 1000), MAX);
    assert.equal(d.down, MAX);
    assert.equal(d.up, MAX);
    assert.equal(d.notes, ['clamped']);
  }
});

delta('the plausibility bound grows with the time between readings', () => {
  const d = counterDelta(at(4, 0, 0, 0), at(4, 2 ** 32, 0, 60_000), MAX);
  assert.equal(d.down, 2 ** 32);
  assert.equal(d.notes, []);
});

delta('property: deltas are never negative and never above the bound', () => {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 2000; i++) {
    const prev = at(1 + Math.floor(rnd() * 2), Math.floor(rnd() * 2 ** 34), Math.floor(rnd() * 2 ** 33), 0);
    const next = at(1 + Math.floor(rnd() * 2), Math.floor(rnd() * 2 ** 34), Math.floor(rnd() * 2 ** 33), 1 + Math.floor(rnd() * 5000));
    const d = counterDelta(prev, next, MAX);
    const bound = Math.ceil((MAX * next.at) / 1000);
    assert.ok(d.down >= 0 && d.up >= 0 && d.down <= bound && d.up <= bound, JSON.stringify({ prev, next, d }));
  }
});

delta.run();
