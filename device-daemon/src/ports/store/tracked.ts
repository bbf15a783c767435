import type { StorePort } from '../types.ts';

/** `store` that remembers when it last wrote (the daemon's health shows the last flash write). */
export function trackWrites(store: StorePort, now: () => number): StorePort & { lastWrite: () => number | null } {
  let last: number | null = null;
  return {
    read: (name) => store.read(name),
    async write(name, value) {
      await store.write(name, value);
      last = now();
    },
    lastWrite: () => last,
  };
}
