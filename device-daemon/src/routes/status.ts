import { Hono } from 'hono/tiny';
import { streamSSE } from 'hono/streaming';
import type { Status } from '../api/status.ts';
import type { Hub } from '../events.ts';
import type { AccessEnv } from '../middleware/access-control.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { Role } from '../api/session.ts';

export type StatusDeps = { status: () => Status; statusEvents: Hub<Status>; sessions: Sessions };

/** Installer notices (offloading, enforcement failures) are not for customers. */
export function forRole(status: Status, role: Role): Status {
  if (role === 'installer' || status.notices.every((n) => n.audience !== 'installer')) return status;
  return { ...status, notices: status.notices.filter((n) => n.audience !== 'installer') };
}

/** GET /api/status, and GET /api/events: the same status pushed on every tick. */
export function statusRoutes(deps: StatusDeps) {
  return new Hono<AccessEnv>()
    .get('/status', (c) => c.json(forRole(deps.status(), c.get('session')!.role)))
    .get('/events', (c) => {
      const session = c.get('session')!;
      return streamSSE(c, async (stream) => {
        let queued: Status | null = forRole(deps.status(), session.role);
        let wake: (() => void) | null = null;
        const unsubscribe = deps.statusEvents.subscribe((status) => {
          queued = forRole(status, session.role);
          wake?.();
        });
        stream.onAbort(() => wake?.());
        try {
          while (!stream.aborted && !stream.closed) {
            // The stream ends with the session: it never outlives a sign-out or a timeout.
            if (!deps.sessions.get(session.id, false)) break;
            if (queued) {
              const data = JSON.stringify(queued);
              queued = null;
              await stream.writeSSE({ event: 'status', data });
            }
            await new Promise<void>((resolve) => {
              wake = resolve;
              // Also wake now and then to notice a session that ended while idle.
              setTimeout(resolve, 15_000).unref?.();
            });
            wake = null;
          }
        } finally {
          unsubscribe();
        }
      });
    });
}
