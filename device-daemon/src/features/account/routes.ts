// First-boot setup (the label secret and a new password) and password changes:
// each done rarely, so this is loaded on first use (see manifest.ts).
import { Hono } from 'hono/tiny';
import { PasswordChange, SetupRequest } from './schemas.ts';
import { SetupError } from '../../auth/accounts.ts';
import type { AccessEnv } from '../../middleware/access-control.ts';
import { admitAttempt, checkPassword, signIn, type SessionDeps } from '../session/routes.ts';
import { HttpError, readJson } from '../../middleware/validate.ts';

export function accountRoutes(deps: SessionDeps) {
  return new Hono<AccessEnv>()
    .post('/password', async (c) => {
      const session = c.get('session')!;
      const { current, password } = await readJson(c, PasswordChange);
      // The customer proves they know the current password; an installer on site may
      // set a new one for a customer who forgot it.
      // Before setup the customer's password is the customer's to choose, with the label secret.
      if (deps.accounts.setupRequired()) throw new HttpError(409, 'setup-required', 'setup required', {}, { setupRequired: true });
      if (session.role === 'customer') {
        if (current === undefined || (await checkPassword(c, () => deps.accounts.authenticate(current))) !== 'customer') {
          throw new HttpError(403, 'wrong-current-password', 'the current password is not right');
        }
      }
      try {
        await checkPassword(c, () => deps.accounts.changePassword(password));
      } catch (error) {
        if (error instanceof SetupError) throw new HttpError(422, error.code, error.message);
        throw error;
      }
      deps.sessions.endOthers('customer', session.id);
      deps.audit(session.role, 'changed the customer password', 'password-changed');
      return c.json({ ok: true });
    })
    .post('/setup', async (c) => {
      const { secret, password } = await readJson(c, SetupRequest);
      const client = deps.clientAddress(c);
      // The same throttle as sign-in: the label secret is a password too.
      admitAttempt(c, deps, client, 'secrets');
      try {
        await checkPassword(c, () => deps.accounts.setup(secret, password));
      } catch (error) {
        if (!(error instanceof SetupError)) throw error;
        throw new HttpError(422, error.code, error.message);
      }
      deps.throttle.succeeded(client);
      deps.audit('customer', `first-boot setup done from ${client}`, 'setup-done', { client });
      return signIn(c, deps, 'customer');
    });
}
