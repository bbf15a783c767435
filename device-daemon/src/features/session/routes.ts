// Sign-in, sign-out and "who am I". First-boot setup and password changes are
// in features/account/, loaded when first used.
import { Hono } from 'hono/tiny';
import type { Context } from 'hono';
import { LoginRequest, type Role, type SessionState } from './schemas.ts';
import type { Accounts } from '../../auth/accounts.ts';
import type { LoginThrottle } from '../../auth/login-throttle.ts';
import type { Sessions } from '../../auth/sessions.ts';
import type { AccessEnv } from '../../middleware/access-control.ts';
import { sessionCookie } from '../../middleware/session-cookie.ts';
import { HttpError, readJson } from '../../middleware/validate.ts';

export type SessionDeps = {
  accounts: Accounts;
  sessions: Sessions;
  throttle: LoginThrottle;
  clientAddress: (c: Context) => string;
  secureCookies: boolean;
  audit: (role: string, event: string) => void;
};

/** Starts a session for `role`: a new id, the cookie, and the CSRF token in the body. */
export function signIn(c: Context, deps: Pick<SessionDeps, 'sessions' | 'secureCookies'>, role: Role) {
  const session = deps.sessions.create(role);
  c.header('Set-Cookie', sessionCookie(session.id, deps.secureCookies));
  return c.json({ role, csrfToken: session.csrfToken });
}

export function sessionRoutes(deps: SessionDeps) {
  return new Hono<AccessEnv>()
    .get('/session', (c) => {
      const session = c.get('session');
      const state: SessionState = { role: session?.role ?? null, setupRequired: deps.accounts.setupRequired() };
      if (session) state.csrfToken = session.csrfToken;
      return c.json(state);
    })
    .post('/session', async (c) => {
      const client = deps.clientAddress(c);
      const wait = deps.throttle.wait(client);
      if (wait > 0) {
        c.header('Retry-After', String(Math.ceil(wait / 1000)));
        throw new HttpError(429, 'too many wrong passwords; try again later', { retryAfterSeconds: Math.ceil(wait / 1000) });
      }
      if (deps.accounts.setupRequired()) throw new HttpError(409, 'setup required', { setupRequired: true });
      const { password } = await readJson(c, LoginRequest);
      const role = await deps.accounts.authenticate(password);
      if (!role) {
        deps.throttle.failed(client);
        deps.audit('unknown', `sign-in failed from ${client}`);
        throw new HttpError(401, 'wrong password');
      }
      deps.throttle.succeeded(client);
      const old = c.get('session');
      if (old) deps.sessions.end(old.id);
      deps.audit(role, `signed in from ${client}`);
      return signIn(c, deps, role);
    })
    .delete('/session', (c) => {
      const session = c.get('session');
      if (session) deps.sessions.end(session.id);
      c.header('Set-Cookie', sessionCookie(null, deps.secureCookies));
      return c.body(null, 204);
    });
}
