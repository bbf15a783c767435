// Sign-in, sign-out, "who am I", and first-boot setup.
import { Hono } from 'hono/tiny';
import type { Context } from 'hono';
import { LoginRequest, PasswordChange, SetupRequest, type Role, type SessionState } from '../api/session.ts';
import { SetupError, type Accounts } from '../auth/accounts.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { AccessEnv } from '../middleware/access-control.ts';
import { sessionCookie } from '../middleware/session-cookie.ts';
import { HttpError, readJson } from './validate.ts';

export type SessionDeps = {
  accounts: Accounts;
  sessions: Sessions;
  throttle: LoginThrottle;
  clientAddress: (c: Context) => string;
  secureCookies: boolean;
  audit: (role: string, event: string) => void;
};

export function sessionRoutes(deps: SessionDeps) {
  function signIn(c: Context, role: Role) {
    const session = deps.sessions.create(role);
    c.header('Set-Cookie', sessionCookie(session.id, deps.secureCookies));
    return c.json({ role, csrfToken: session.csrfToken });
  }

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
      return signIn(c, role);
    })
    .delete('/session', (c) => {
      const session = c.get('session');
      if (session) deps.sessions.end(session.id);
      c.header('Set-Cookie', sessionCookie(null, deps.secureCookies));
      return c.body(null, 204);
    })
    .post('/password', async (c) => {
      const session = c.get('session')!;
      const { current, password } = await readJson(c, PasswordChange);
      // The customer proves they know the current password; an installer on site may
      // set a new one for a customer who forgot it.
      if (session.role === 'customer') {
        if (current === undefined || (await deps.accounts.authenticate(current)) !== 'customer') {
          throw new HttpError(403, 'the current password is not right');
        }
      }
      try {
        await deps.accounts.changePassword(password);
      } catch (error) {
        if (error instanceof SetupError) throw new HttpError(422, error.message);
        throw error;
      }
      deps.sessions.endOthers('customer', session.id);
      deps.audit(session.role, 'changed the customer password');
      return c.json({ ok: true });
    })
    .post('/setup', async (c) => {
      const { secret, password } = await readJson(c, SetupRequest);
      const client = deps.clientAddress(c);
      const wait = deps.throttle.wait(client);
      if (wait > 0) {
        c.header('Retry-After', String(Math.ceil(wait / 1000)));
        throw new HttpError(429, 'too many wrong secrets; try again later');
      }
      try {
        await deps.accounts.setup(secret, password);
      } catch (error) {
        if (!(error instanceof SetupError)) throw error;
        deps.throttle.failed(client);
        throw new HttpError(422, error.message);
      }
      deps.throttle.succeeded(client);
      deps.audit('customer', `first-boot setup done from ${client}`);
      return signIn(c, 'customer');
    });
}
