// Endpoints declared now and answered by code loaded on first use. The daemon
// starts with what the 1 s loop, sign-in and the overview need; each feature
// (modem console, Wi-Fi and devices, plan editing, usage details) is a chunk of
// its own, read the first time one of its endpoints is called. The paths are
// registered here, so access control and the route table see every endpoint
// from the start; the feature's own sub-app answers behind them.
import type { Context, ErrorHandler } from 'hono';
import { Hono } from 'hono/tiny';
import type { Session } from '../auth/sessions.ts';
import type { AccessEnv } from './access-control.ts';

type FeatureEnv = AccessEnv & { Bindings: { session: Session | null } };

/** `keys` are "METHOD /api/path" as the feature registers them under /api. */
export function lazyRoutes(keys: readonly string[], load: () => Promise<Hono<AccessEnv>>, onError: ErrorHandler) {
  let ready: Promise<Hono<FeatureEnv>> | null = null;
  const open = () =>
    (ready ??= load().then(
      (feature) => {
        const app = new Hono<FeatureEnv>();
        // The session was found by the main app's access control; hand it on.
        app.use((c, next) => {
          c.set('session', c.env.session);
          return next();
        });
        app.route('/api', feature as unknown as Hono<FeatureEnv>);
        app.onError(onError);
        return app;
      },
      (error: Error) => {
        ready = null;
        throw error;
      },
    ));
  const forward = async (c: Context<AccessEnv>) => (await open()).fetch(c.req.raw, { ...(c.env as object), session: c.get('session') });
  const app = new Hono<AccessEnv>();
  for (const key of keys) {
    const [method, path] = key.split(' ') as [string, string];
    app.on(method, path, forward);
  }
  return app;
}
