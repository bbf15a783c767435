import { decodeStored } from '../../core/stored-file.ts';
import type { StorePort } from '../types.ts';

/**
 * A store that keeps JSON copies in memory (tests, and `--platform sim` without a
 * state dir). Reads are checked against the file's schema, as on flash.
 */
export function memoryStore(): StorePort & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return {
    files,
    async read(file) {
      const text = files.get(file.name);
      if (text === undefined) return null;
      const decoded = decodeStored(file, file.version, JSON.parse(text));
      if (!decoded.ok) throw new Error(`${file.name}: ${decoded.problem}`);
      return decoded.value;
    },
    async write(file, value) {
      files.set(file.name, JSON.stringify(value));
    },
  };
}
