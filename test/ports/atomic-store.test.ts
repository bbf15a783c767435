import { mkdtempSync, readdirSync, truncateSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { atomicFileStore } from '../../device-daemon/src/ports/store/atomic-file.ts';

const store = suite('atomic file store');
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'store-'));
  const logs: string[] = [];
  return { dir, logs, s: atomicFileStore(dir, (l) => logs.push(l)) };
};

store('writes and reads back, alternating two generations', async () => {
  const { dir, s } = fresh();
  assert.is(await s.read('usage'), null);
  await s.write('usage', { n: 1 });
  await s.write('usage', { n: 2 });
  await s.write('usage', { n: 3 });
  assert.equal(await s.read('usage'), { n: 3 });
  assert.equal(readdirSync(dir).sort(), ['usage.a.json', 'usage.b.json']);
});

for (const [what, damage] of [
  ['zero-length', (f: string) => truncateSync(f, 0)],
  ['truncated', (f: string) => truncateSync(f, 20)],
  ['bad-checksum', (f: string) => writeFileSync(f, readFileSync(f, 'utf8').replace('"n":2', '"n":9'))],
  ['unknown-version', (f: string) => writeFileSync(f, readFileSync(f, 'utf8').replace('"version":1', '"version":99'))],
] as const) {
  store(`a ${what} newest file falls back to the previous generation with a log line`, async () => {
    const { dir, logs } = fresh();
    const writer = atomicFileStore(dir, () => {});
    await writer.write('usage', { n: 1 });
    await writer.write('usage', { n: 2 });
    damage(join(dir, 'usage.b.json'));
    const reader = atomicFileStore(dir, (l) => logs.push(l));
    assert.equal(await reader.read('usage'), { n: 1 });
    assert.is(logs.length, 1);
    assert.match(logs[0]!, /usage\.b\.json/);
    // The next write replaces the bad slot, never the good one.
    await reader.write('usage', { n: 3 });
    assert.equal(await atomicFileStore(dir, () => {}).read('usage'), { n: 3 });
    truncateSync(join(dir, 'usage.b.json'), 0);
    assert.equal(await atomicFileStore(dir, () => {}).read('usage'), { n: 1 });
  });
}

store('both generations bad reads as null (the caller decides), never as zero data', async () => {
  const { dir, s } = fresh();
  await s.write('usage', { n: 1 });
  await s.write('usage', { n: 2 });
  truncateSync(join(dir, 'usage.a.json'), 0);
  truncateSync(join(dir, 'usage.b.json'), 3);
  const logs: string[] = [];
  assert.is(await atomicFileStore(dir, (l) => logs.push(l)).read('usage'), null);
  assert.is(logs.length, 2);
});

store.run();
