import type { StorePort } from '../types.ts';

/** A store that keeps JSON copies in memory (tests, and `--platform sim` without a state dir). */
export function memoryStore(): StorePort & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return {
    files,
    async read(name) {
      const text = files.get(name);
      return text === undefined ? null : JSON.parse(text);
    },
    async write(name, value) {
      files.set(name, JSON.stringify(value));
    },
  };
}
