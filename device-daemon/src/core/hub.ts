// A tiny publish/subscribe hub between the jobs and the server-sent event streams.

export type Listener<T> = (event: T) => void;

export function createHub<T>() {
  const listeners = new Set<Listener<T>>();
  return {
    subscribe(listener: Listener<T>): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish(event: T): void {
      for (const listener of listeners) listener(event);
    },
    get size() {
      return listeners.size;
    },
  };
}

export type Hub<T> = ReturnType<typeof createHub<T>>;
