import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, truncateSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import { defineStoredFile } from '../../device-daemon/src/core/stored-file.ts';
import { atomicFileStore } from '../../device-daemon/src/ports/store/atomic-file.ts';

const store = suite('atomic file store');
const USAGE = defineStoredFile<{ n: number }>({ name: 'usage', version: 1, schema: v.object({ n: v.number() }), maxBytes: 1024 });
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'store-'));
  const logs: string[] = [];
  return { dir, logs, s: atomicFileStore(dir, (l) => logs.push(l)) };
};

store('writes and reads back, alternating two generations', async () => {
  const { dir, s } = fresh();
  assert.is(await s.read(USAGE), null);
  await s.write(USAGE, { n: 1 });
  await s.write(USAGE, { n: 2 });
  await s.write(USAGE, { n: 3 });
  assert.equal(await s.read(USAGE), { n: 3 });
  assert.equal(readdirSync(dir).sort(), ['usage.a.json', 'usage.b.json']);
});

for (const [what, damage] of [
  ['zero-length', (f: string) => truncateSync(f, 0)],
  ['truncated', (f: string) => truncateSync(f, 20)],
  ['bad-checksum', (f: string) => writeFileSync(f, readFileSync(f, 'utf8').replace('"n":2', '"n":9'))],
  ['unknown-version', (f: string) => writeFileSync(f, readFileSync(f, 'utf8').replace('"version":1', '"version":99'))],
  ['wrong-shape (valid checksum)', (f: string) => writeFileSync(f, resealed(readFileSync(f, 'utf8'), { n: null }))],
  ['bigger than the cap', (f: string) => writeFileSync(f, resealed(readFileSync(f, 'utf8'), { n: 2, pad: 'x'.repeat(2000) }))],
] as const) {
  store(`a ${what} newest file falls back to the previous generation with a log line`, async () => {
    const { dir, logs } = fresh();
    const writer = atomicFileStore(dir, () => {});
    await writer.write(USAGE, { n: 1 });
    await writer.write(USAGE, { n: 2 });
    damage(join(dir, 'usage.b.json'));
    const reader = atomicFileStore(dir, (l) => logs.push(l));
    assert.equal(await reader.read(USAGE), { n: 1 });
    assert.is(logs.length, 1);
    assert.match(logs[0]!, /usage\.b\.json/);
    // The next write replaces the bad slot, never the good one.
    await reader.write(USAGE, { n: 3 });
    assert.equal(await atomicFileStore(dir, () => {}).read(USAGE), { n: 3 });
    truncateSync(join(dir, 'usage.b.json'), 0);
    assert.equal(await atomicFileStore(dir, () => {}).read(USAGE), { n: 1 });
  });
}

/** The same envelope with other data and a checksum that matches it. */
function resealed(text: string, data: unknown): string {
  const envelope = JSON.parse(text) as { sha256: string; data: unknown };
  const json = JSON.stringify(data);
  envelope.data = data;
  envelope.sha256 = createHash('sha256').update(json).digest('hex');
  return JSON.stringify(envelope);
}

store('both generations bad: read as empty, logged once, and moved aside for inspection', async () => {
  const { dir, s } = fresh();
  await s.write(USAGE, { n: 1 });
  await s.write(USAGE, { n: 2 });
  truncateSync(join(dir, 'usage.a.json'), 0);
  truncateSync(join(dir, 'usage.b.json'), 3);
  const logs: string[] = [];
  const reader = atomicFileStore(dir, (l) => logs.push(l));
  assert.is(await reader.read(USAGE), null);
  assert.is(logs.length, 1);
  assert.match(logs[0]!, /usage: no good generation .*moved aside/);
  assert.ok(existsSync(join(dir, 'usage.a.json.damaged')) && existsSync(join(dir, 'usage.b.json.damaged')));
  await reader.write(USAGE, { n: 5 });
  assert.equal(await atomicFileStore(dir, () => {}).read(USAGE), { n: 5 });
  assert.is(readFileSync(join(dir, 'usage.b.json.damaged'), 'utf8').length, 3, 'the damaged file is kept as it was');
});

store('parallel writes of one file are serialised: none fails, the last one wins', async () => {
  const { dir, s } = fresh();
  await Promise.all(Array.from({ length: 20 }, (_, i) => s.write(USAGE, { n: i })));
  assert.equal(await atomicFileStore(dir, () => {}).read(USAGE), { n: 19 });
  assert.equal(readdirSync(dir).sort(), ['usage.a.json', 'usage.b.json'], 'no temp file left');
});

store('an older version is migrated on read', async () => {
  const { dir, s } = fresh();
  const V1 = defineStoredFile<string[]>({ name: 'audit', version: 1, schema: v.array(v.string()), maxBytes: 1024 });
  await s.write(V1, ['a', 'b']);
  const V2 = defineStoredFile<{ entries: string[] }>({
    name: 'audit',
    version: 2,
    schema: v.object({ entries: v.array(v.string()) }),
    migrations: { 1: (data) => ({ entries: data }) },
    maxBytes: 1024,
  });
  assert.equal(await atomicFileStore(dir, () => {}).read(V2), { entries: ['a', 'b'] });
});

store.run();
