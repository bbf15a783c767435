// State files that survive power cuts. Each file has two slots (a and b), used
// in turn: a write goes to a temp file of its own, is fsynced and renamed over
// the older slot, so the newer good generation is never touched. Writes of one
// file are serialised. Each slot carries the file's version, a sequence number
// and a SHA-256 of its data.
//
// Reading: a slot bigger than the file's cap is not read; one that is empty,
// truncated, fails its checksum, has an unknown version, the wrong shape, or
// cannot be read at all (EIO from failing flash) is skipped with a log line
// and the other generation is used. When both are bad the store says so once,
// moves them aside (NAME.a.json.damaged) for inspection, and reads as empty.
import { createHash } from 'node:crypto';
import { mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeStored, type StoredFile } from '../../core/stored-file.ts';
import type { StorePort } from '../types.ts';

type Slot = 'a' | 'b';
type Good = { slot: Slot; seq: number; value: unknown };
type Bad = { slot: Slot; problem: string };

function checksum(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

/** The file's text, or null when it does not exist; bigger than `max` bytes is an error. */
async function readCapped(file: string, max: number): Promise<string | null> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size > max) throw new Error(`${size} bytes, more than the ${max} allowed`);
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

let temps = 0;

async function writeDurably(dir: string, path: string, text: string): Promise<void> {
  // A temp name of its own: two writers never share (and lose) one temp file.
  const temp = `${path}.${process.pid}.${++temps}.tmp`;
  const file = await open(temp, 'w', 0o600);
  try {
    await file.writeFile(text);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, path);
  // fsync the directory so that the rename itself survives a power cut.
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function atomicFileStore(dir: string, log: (line: string) => void): StorePort {
  const path = (name: string, slot: Slot) => join(dir, `${name}.${slot}.json`);
  /** Per name: the slot and sequence number of the newest good generation. */
  const newest = new Map<string, { slot: Slot; seq: number }>();
  /** Per name: the write in progress; the next one waits for it. */
  const writing = new Map<string, Promise<void>>();

  async function readSlot<T>(file: StoredFile<T>, slot: Slot): Promise<Good | Bad | null> {
    const bad = (problem: string): Bad => ({ slot, problem });
    let text: string | null;
    try {
      text = await readCapped(path(file.name, slot), file.maxBytes);
    } catch (error) {
      return bad(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    if (text === null) return null;
    if (text.length === 0) return bad('empty file');
    let envelope: { version?: unknown; seq?: unknown; sha256?: unknown; data?: unknown };
    try {
      envelope = JSON.parse(text) as typeof envelope;
    } catch {
      return bad('truncated or not JSON');
    }
    if (typeof envelope !== 'object' || envelope === null) return bad('not a state file');
    if (!Number.isSafeInteger(envelope.seq)) return bad('no sequence number');
    if (checksum(JSON.stringify(envelope.data)) !== envelope.sha256) return bad('checksum mismatch');
    const decoded = decodeStored(file, envelope.version as number, envelope.data);
    if (!decoded.ok) return bad(decoded.problem);
    return { slot, seq: envelope.seq as number, value: decoded.value };
  }

  async function load<T>(file: StoredFile<T>): Promise<Good | null> {
    const slots = [await readSlot(file, 'a'), await readSlot(file, 'b')];
    const good = slots.filter((s): s is Good => s !== null && 'value' in s);
    const bad = slots.filter((s): s is Bad => s !== null && 'problem' in s);
    const best = good.sort((x, y) => y.seq - x.seq)[0] ?? null;
    if (best) {
      for (const b of bad) log(`store: ${path(file.name, b.slot)}: ${b.problem}; using the other generation`);
      newest.set(file.name, { slot: best.slot, seq: best.seq });
      return best;
    }
    if (bad.length > 0) {
      // Nothing usable: start without it, but keep the damaged files for inspection
      // (the next write would otherwise overwrite them).
      const moved: string[] = [];
      for (const b of bad) {
        const from = path(file.name, b.slot);
        await rename(from, `${from}.damaged`).then(
          () => moved.push(`${from}.damaged`),
          () => {},
        );
      }
      log(
        `store: ${file.name}: no good generation (${bad.map((b) => `${b.slot}: ${b.problem}`).join('; ')}); starting without it` +
          (moved.length ? `; moved aside: ${moved.join(', ')}` : ''),
      );
    }
    return null;
  }

  async function write<T>(file: StoredFile<T>, value: T): Promise<void> {
    if (!newest.has(file.name)) await load(file);
    const last = newest.get(file.name);
    const slot: Slot = last?.slot === 'a' ? 'b' : 'a';
    const seq = (last?.seq ?? 0) + 1;
    const json = JSON.stringify(value);
    const envelope = `{"version":${file.version},"seq":${seq},"sha256":"${checksum(json)}","data":${json}}`;
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeDurably(dir, path(file.name, slot), envelope);
    newest.set(file.name, { slot, seq });
  }

  return {
    async read(file) {
      await writing.get(file.name)?.catch(() => {});
      return ((await load(file))?.value ?? null) as never;
    },
    write(file, value) {
      const before = writing.get(file.name) ?? Promise.resolve();
      const next = before.catch(() => {}).then(() => write(file, value));
      writing.set(file.name, next);
      return next;
    },
  };
}
