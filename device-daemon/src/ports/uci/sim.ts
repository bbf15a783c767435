// UCI on the simulated device: each package is a config file in the state
// directory, seeded from the files the real package installs, with the same
// command semantics as `uci batch` (see apply.ts).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseUciText, renderUciText } from '../../core/uci-text.ts';
import type { UciPort } from '../types.ts';
import { applyUci } from './apply.ts';

export function simUci(dir: string, seed: Record<string, string>): UciPort {
  async function load(pkg: string) {
    if (!/^[a-z0-9_-]+$/.test(pkg)) throw new Error(`invalid UCI package "${pkg}"`);
    const file = join(dir, pkg);
    try {
      return parseUciText(pkg, await readFile(file, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const text = seed[pkg];
      if (text === undefined) throw new Error(`uci: Entry not found (${pkg})`);
      return parseUciText(pkg, text);
    }
  }
  return {
    show: load,
    async batch(pkg, commands) {
      const next = applyUci(await load(pkg), commands);
      await mkdir(dir, { recursive: true });
      const file = join(dir, pkg);
      await writeFile(`${file}.tmp`, renderUciText(next));
      await rename(`${file}.tmp`, file);
    },
  };
}
