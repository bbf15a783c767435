// State files that survive power cuts. Each name has two slots (a and b), used
// in turn: a write goes to a temp file, is fsynced and renamed over the older
// slot, so the newer good generation is never touched. Each file carries a
// version, a sequence number and a SHA-256 of its data. A slot that is empty,
// truncated, fails its checksum or has an unknown version is skipped with a
// log line, and the other generation is used: never silently zero.
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { StorePort } from '../types.ts';

export const STORE_VERSION = 1;

type Envelope = { version: number; seq: number; sha256: string; data: unknown };
type Slot = 'a' | 'b';

function checksum(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

async function writeDurably(dir: string, path: string, text: string): Promise<void> {
  const temp = `${path}.tmp`;
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

  async function readSlot(name: string, slot: Slot): Promise<Envelope | null> {
    const file = path(name, slot);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const bad = (why: string) => {
      log(`store: ${file}: ${why}; using the other generation`);
      return null;
    };
    if (text.length === 0) return bad('empty file');
    let envelope: Envelope;
    try {
      envelope = JSON.parse(text) as Envelope;
    } catch {
      return bad('truncated or not JSON');
    }
    if (envelope.version !== STORE_VERSION) return bad(`unknown version ${String(envelope.version)}`);
    if (!Number.isSafeInteger(envelope.seq)) return bad('no sequence number');
    if (checksum(JSON.stringify(envelope.data)) !== envelope.sha256) return bad('checksum mismatch');
    return envelope;
  }

  async function load(name: string): Promise<{ slot: Slot; envelope: Envelope } | null> {
    const a = await readSlot(name, 'a');
    const b = await readSlot(name, 'b');
    const best = a && (!b || a.seq > b.seq) ? { slot: 'a' as Slot, envelope: a } : b ? { slot: 'b' as Slot, envelope: b } : null;
    if (best) newest.set(name, { slot: best.slot, seq: best.envelope.seq });
    return best;
  }

  return {
    async read(name) {
      return (await load(name))?.envelope.data ?? null;
    },
    async write(name, value) {
      if (!newest.has(name)) await load(name);
      const last = newest.get(name);
      const slot: Slot = last?.slot === 'a' ? 'b' : 'a';
      const seq = (last?.seq ?? 0) + 1;
      const json = JSON.stringify(value);
      const envelope = `{"version":${STORE_VERSION},"seq":${seq},"sha256":"${checksum(json)}","data":${json}}`;
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeDurably(dir, path(name, slot), envelope);
      newest.set(name, { slot, seq });
    },
  };
}
