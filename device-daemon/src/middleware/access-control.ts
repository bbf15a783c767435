// Deny by default: every endpoint must be named in the access table with the
// role it needs, or it answers 403 to everyone. The table is the one place to
// read who may do what, and a test walks every registered route against it.
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Role } from '../features/session/schemas.ts';
import type { Session, Sessions } from '../auth/sessions.ts';
import { readSessionCookie } from './session-cookie.ts';
import { errorJson } from './validate.ts';

/** public: anyone; setup: only before first-boot setup; customer: any signed-in user; installer: installers only. */
export type Access = 'public' | 'setup' | Role;

export type AccessEnv = { Variables: { session: Session | null } };

/** Requests the UI makes by itself (polling, event streams) do not count as activity. */
function isBackground(c: Context): boolean {
  return c.req.path === '/api/events' || c.req.header('x-background') === '1';
}

export function accessControl(options: {
  table: Record<string, Access>;
  sessions: Sessions;
  setupRequired: () => boolean;
}): MiddlewareHandler<AccessEnv> {
  return async function accessControlMiddleware(c, next) {
    // The first endpoint in registration order is the one that answers.
    const endpoint = matchedRoutes(c).find((r) => r.method !== 'ALL');
    const key = endpoint ? `${endpoint.method} ${endpoint.path}` : null;
    const access = key ? options.table[key] : undefined;
    if (!endpoint) return next(); // nothing will answer: the app's 404
    if (!access) return c.json(errorJson('forbidden', 'forbidden'), 403);
    const session = options.sessions.get(readSessionCookie(c.req.header('cookie')), !isBackground(c));
    c.set('session', session);
    if (access === 'public') return next();
    if (options.setupRequired()) {
      if (access === 'setup') return next();
      // The installer may work on site before the customer has chosen a password.
      if (session?.role !== 'installer') return c.json({ ...errorJson('setup-required', 'setup required'), setupRequired: true }, 409);
    } else if (access === 'setup') return c.json(errorJson('already-set-up', 'this device is already set up'), 409);
    if (!session) return c.json(errorJson('sign-in-required', 'sign in first'), 401);
    if (access === 'installer' && session.role !== 'installer') return c.json(errorJson('installers-only', 'installers only'), 403);
    const safe = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (!safe && !options.sessions.csrfMatches(session, c.req.header('x-csrf-token'))) {
      return c.json(errorJson('csrf', 'missing or wrong X-CSRF-Token'), 403);
    }
    return next();
  };
}
