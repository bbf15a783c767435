// Sign-in, sign-out and "who am I". First-boot setup and password changes are
// in features/account/, loaded when first used.
import type { Audit } from '../../auth/audit-log.ts';
import { Hono } from 'hono/tiny';
import type { Context } from 'hono';
import { LoginRequest, type Role, type SessionState } from './schemas.ts';
import type { Accounts } from '../../auth/accounts.ts';
import type { LoginThrottle } from '../../auth/login-throttle.ts';
import { passwordHashBusy, PasswordBusyError } from '../../auth/password.ts';
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
  audit: Audit;
};

/** Starts a session for `role`: a new id, the cookie, and the CSRF token in the body. */
export function signIn(c: Context, deps: Pick<SessionDeps, 'sessions' | 'secureCookies'>, role: Role) {
  const session = deps.sessions.create(role);
  c.header('Set-Cookie', sessionCookie(session.id, deps.secureCookies));
  return c.json({ role, csrfToken: session.csrfToken });
}

/**
 * Admits one password (or label secret) try from `client`, before anything is
 * hashed: 429 while the client must wait, 503 when the daemon's one hash at a
 * time already has a full queue; otherwise the try is counted now, so parallel
 * tries from one client get no more than the free ones checked.
 */
export function admitAttempt(c: Context, deps: Pick<SessionDeps, 'throttle'>, client: string, what: string): void {
  const wait = deps.throttle.wait(client);
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    c.header('Retry-After', String(seconds));
    throw new HttpError(429, 'too-many-tries', `too many wrong ${what}; try again later`, { seconds }, { retryAfter: seconds });
  }
  if (passwordHashBusy()) throw busy(c);
  deps.throttle.reserve(client);
}

function busy(c: Context): HttpError {
  c.header('Retry-After', '1');
  return new HttpError(503, 'password-busy', new PasswordBusyError().message, { seconds: 1 }, { retryAfter: 1 });
}

/** Runs a password check; a full hash queue (a race with another client) answers 503. */
export async function checkPassword<T>(c: Context, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === 'password-busy') throw busy(c);
    throw error;
  }
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
      const { password } = await readJson(c, LoginRequest);
      admitAttempt(c, deps, client, 'passwords');
      // Before first-boot setup only the installer can sign in (on site, with the
      // ISP's credential); the customer's setup stays pending for the label secret.
      const role = await checkPassword(c, () => deps.accounts.authenticate(password));
      if (!role) {
        deps.audit('unknown', `sign-in failed from ${client}`, 'sign-in-failed', { client });
        if (deps.accounts.setupRequired()) throw new HttpError(409, 'setup-required', 'setup required', {}, { setupRequired: true });
        throw new HttpError(401, 'wrong-password', 'wrong password');
      }
      deps.throttle.succeeded(client);
      const old = c.get('session');
      if (old) deps.sessions.end(old.id);
      deps.audit(role, `signed in from ${client}`, 'signed-in', { client });
      return signIn(c, deps, role);
    })
    .delete('/session', (c) => {
      const session = c.get('session');
      if (session) deps.sessions.end(session.id);
      c.header('Set-Cookie', sessionCookie(null, deps.secureCookies));
      return c.body(null, 204);
    });
}
