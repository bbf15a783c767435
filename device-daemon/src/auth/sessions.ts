// Signed-in sessions, kept in memory (a daemon restart signs everyone out).
// Ids are 128 random bits, new at every sign-in. Idle and absolute timeouts;
// only requests a person makes extend the idle time, not background polling.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from '../features/session/schemas.ts';

export type Session = { id: string; role: Role; csrfToken: string; created: number; lastActive: number };

export type SessionOptions = { now: () => number; idleMs?: number; absoluteMs?: number; maxPerRole?: Partial<Record<Role, number>> };

/** Live sessions per role: a household's phones and tablets, and a few installers' laptops. */
export const MAX_SESSIONS: Record<Role, number> = { customer: 48, installer: 16 };

export function createSessions({ now, idleMs = 15 * 60_000, absoluteMs = 12 * 3_600_000, maxPerRole = {} }: SessionOptions) {
  const cap = { ...MAX_SESSIONS, ...maxPerRole };
  const sessions = new Map<string, Session>();

  function expired(s: Session, t: number): boolean {
    return t - s.lastActive > idleMs || t - s.created > absoluteMs;
  }

  return {
    create(role: Role): Session {
      const t = now();
      for (const [id, s] of sessions) if (expired(s, t)) sessions.delete(id);
      // Bounded per role: the oldest session of the same role goes first, so a flood of
      // customer sign-ins can neither exhaust memory nor end an installer's session.
      const same = [...sessions.values()].filter((s) => s.role === role);
      for (const old of same.slice(0, Math.max(0, same.length - cap[role] + 1))) sessions.delete(old.id);
      const session: Session = {
        id: randomBytes(16).toString('base64url'),
        role,
        csrfToken: randomBytes(16).toString('base64url'),
        created: t,
        lastActive: t,
      };
      sessions.set(session.id, session);
      return session;
    },
    /** The live session for `id`; `touch` extends its idle time (false for polling). */
    get(id: string | undefined, touch: boolean): Session | null {
      if (!id) return null;
      const s = sessions.get(id);
      if (!s) return null;
      const t = now();
      if (expired(s, t)) {
        sessions.delete(id);
        return null;
      }
      if (touch) s.lastActive = t;
      return s;
    },
    end(id: string): void {
      sessions.delete(id);
    },
    /** Ends every session of `role` except `keep` (after a password change). */
    endOthers(role: Role, keep: string | null): void {
      for (const [id, s] of sessions) if (s.role === role && id !== keep) sessions.delete(id);
    },
    csrfMatches(session: Session, token: string | undefined): boolean {
      if (!token) return false;
      const a = Buffer.from(session.csrfToken);
      const b = Buffer.from(token);
      return a.length === b.length && timingSafeEqual(a, b);
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
