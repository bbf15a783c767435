/**
 * A port whose implementation loads on first use (every method must be async):
 * what only a rarely visited page needs stays out of the daemon's start.
 * `eager` holds the methods that are needed at once and answer directly.
 */
export function lazyPort<T extends object>(load: () => Promise<Partial<T>>, eager: Partial<T> = {}): T {
  let port: Promise<Partial<T>> | null = null;
  const open = () =>
    (port ??= load().catch((error: Error) => {
      port = null;
      throw error;
    }));
  return new Proxy({} as T, {
    get: (_, name) =>
      (eager as Record<string | symbol, unknown>)[name] ??
      (async (...args: unknown[]) => {
        const target = (await open()) as Record<string | symbol, (...a: unknown[]) => unknown>;
        return target[name]!(...args);
      }),
  });
}
