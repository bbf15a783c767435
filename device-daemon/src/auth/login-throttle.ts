// Per-client sign-in throttling: a client has `freeTries` attempts without
// waiting; after that each failure doubles the wait before its next attempt
// (1 s, 2 s, 4 s ... 5 min). There is no global lockout, so one noisy client
// cannot lock the owner out.

export type ThrottleOptions = { now: () => number; freeTries?: number; maxDelayMs?: number; forgetMs?: number };

export function createLoginThrottle({ now, freeTries = 4, maxDelayMs = 5 * 60_000, forgetMs = 15 * 60_000 }: ThrottleOptions) {
  const clients = new Map<string, { failures: number; until: number; last: number }>();

  /** Milliseconds the client must still wait, or 0 when it may try now. */
  function wait(client: string): number {
    const entry = clients.get(client);
    if (!entry) return 0;
    const t = now();
    if (t - entry.last > forgetMs) {
      clients.delete(client);
      return 0;
    }
    return Math.max(0, entry.until - t);
  }

  function failed(client: string): void {
    const t = now();
    const entry = clients.get(client) ?? { failures: 0, until: 0, last: t };
    entry.failures += 1;
    entry.last = t;
    const over = entry.failures - freeTries + 1;
    entry.until = over > 0 ? t + Math.min(maxDelayMs, 1000 * 2 ** (over - 1)) : 0;
    clients.set(client, entry);
    // Bounded memory under a flood of addresses (e.g. IPv6).
    if (clients.size > 4096) clients.delete(clients.keys().next().value!);
  }

  return {
    wait,
    /**
     * Counts an attempt before its password is checked, so that parallel tries
     * cannot all pass the check at once: it returns the wait (and counts nothing)
     * when the client must wait, else 0. A success then forgets the client.
     */
    reserve(client: string): number {
      const left = wait(client);
      if (left === 0) failed(client);
      return left;
    },
    failed,
    succeeded(client: string): void {
      clients.delete(client);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
