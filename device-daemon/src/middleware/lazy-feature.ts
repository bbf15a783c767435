// A feature's endpoints registered at start and answered by code loaded on first
// use. The paths are registered here, so access control and the route table see
// every endpoint from the start; the feature's own sub-app answers behind them.
import type { Context, ErrorHandler } from 'hono';
import { Hono } from 'hono/tiny';
import type { Session } from '../auth/sessions.ts';
import type { AccessEnv } from './access-control.ts';

type FeatureEnv = AccessEnv & { Bindings: { session: Session | null } };

/** `keys` are "METHOD /path" as registered; the loaded sub-app is mounted at `base`. */
export function lazyFeature(keys: readonly string[], base: string, load: () => Promise<Hono<AccessEnv>>, onError: ErrorHandler) {
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
        app.route(base, feature as unknown as Hono<FeatureEnv>);
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
