// Per-client sign-in throttling: each failure from an address doubles the wait
// before its next attempt (after a few free tries); there is no global lockout,
// so one noisy client cannot lock the owner out.

export type ThrottleOptions = { now: () => number; freeTries?: number; maxDelayMs?: number; forgetMs?: number };

export function createLoginThrottle({ now, freeTries = 3, maxDelayMs = 5 * 60_000, forgetMs = 15 * 60_000 }: ThrottleOptions) {
  const clients = new Map<string, { failures: number; until: number; last: number }>();

  return {
    /** Milliseconds the client must still wait, or 0 when it may try now. */
    wait(client: string): number {
      const entry = clients.get(client);
      if (!entry) return 0;
      const t = now();
      if (t - entry.last > forgetMs) {
        clients.delete(client);
        return 0;
      }
      return Math.max(0, entry.until - t);
    },
    failed(client: string): void {
      const t = now();
      const entry = clients.get(client) ?? { failures: 0, until: 0, last: t };
      entry.failures += 1;
      entry.last = t;
      const over = entry.failures - freeTries;
      entry.until = over > 0 ? t + Math.min(maxDelayMs, 1000 * 2 ** (over - 1)) : 0;
      clients.set(client, entry);
      // Bounded memory under a flood of addresses (e.g. IPv6).
      if (clients.size > 4096) clients.delete(clients.keys().next().value!);
    },
    succeeded(client: string): void {
      clients.delete(client);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
