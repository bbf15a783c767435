import { Hono } from 'hono/tiny';
import type { Status } from './schemas.ts';
import type { Hub } from '../../core/hub.ts';
import type { AccessEnv } from '../../middleware/access-control.ts';
import type { Sessions } from '../../auth/sessions.ts';
import type { Role } from '../session/schemas.ts';

export type StatusDeps = { status: () => Status; statusEvents: Hub<Status>; sessions: Sessions };

const json = new WeakMap<Status, Partial<Record<Role, string>>>();

/** The status as JSON for `role`, made once per status (it changes once a tick). */
function statusJson(status: Status, role: Role): string {
  let byRole = json.get(status);
  if (!byRole) json.set(status, (byRole = {}));
  return (byRole[role] ??= JSON.stringify(forRole(status, role)));
}

/** Installer notices (offloading, enforcement failures) are not for customers. */
export function forRole(status: Status, role: Role): Status {
  if (role === 'installer' || status.notices.every((n) => n.audience !== 'installer')) return status;
  return { ...status, notices: status.notices.filter((n) => n.audience !== 'installer') };
}

/** GET /api/status, and GET /api/events: the same status pushed on every tick. */
export function statusRoutes(deps: StatusDeps) {
  return new Hono<AccessEnv>()
    .get('/status', (c) => c.body(statusJson(deps.status(), c.get('session')!.role), 200, { 'Content-Type': 'application/json' }))
    .get('/events', (c) => {
      const session = c.get('session')!;
      const encoder = new TextEncoder();
      let stop = () => {};
      // Server-sent events written by hand (a few lines, no helper in the bundle).
      // Each event is a whole status: a slow reader skips to the newest one.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          const write = (text: string) => {
            if ((controller.desiredSize ?? 1) > 0) controller.enqueue(encoder.encode(text));
          };
          // The stream ends with the session: it never outlives a sign-out or a timeout.
          const alive = () => {
            if (deps.sessions.get(session.id, false)) return true;
            stop();
            controller.close();
            return false;
          };
          const send = (status: Status) => alive() && write(`event: status\ndata: ${statusJson(status, session.role)}\n\n`);
          const unsubscribe = deps.statusEvents.subscribe(send);
          const keepAlive = setInterval(() => alive() && write(': keep-alive\n\n'), 15_000);
          keepAlive.unref?.();
          stop = () => {
            unsubscribe();
            clearInterval(keepAlive);
          };
          send(deps.status());
        },
        cancel: () => stop(),
      });
      return c.body(body, 200, { 'Content-Type': 'text/event-stream', 'X-Accel-Buffering': 'no' });
    });
}
