// Cross-site request defence for every state-changing request: the browser must
// say it comes from our own origin (Origin, or Sec-Fetch-Site), and the body
// must be JSON, which a plain HTML form cannot send. The per-session token is
// checked by access control, where the session is known.
import type { MiddlewareHandler } from 'hono';
import { errorJson } from './validate.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfGuard(): MiddlewareHandler {
  return async function csrfGuardMiddleware(c, next) {
    if (SAFE.has(c.req.method)) {
      if (c.req.method === 'OPTIONS') return c.json(errorJson('cross-origin', 'cross-origin requests are not served'), 405);
      return next();
    }
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const host = c.req.header('host');
    if (site && site !== 'same-origin' && site !== 'none') return c.json(errorJson('cross-origin', 'cross-site request refused'), 403);
    if (origin !== undefined) {
      let originHost: string | null = null;
      try {
        originHost = new URL(origin).host;
      } catch {
        // "null" and other opaque origins are foreign.
      }
      if (originHost === null || originHost !== host) return c.json(errorJson('cross-origin', 'cross-origin request refused'), 403);
    } else if (site !== 'same-origin') {
      return c.json(errorJson('cross-origin', 'request without Origin refused'), 403);
    }
    const type = c.req.header('content-type') ?? '';
    if (c.req.method !== 'DELETE' && !/^application\/json\s*(;|$)/i.test(type)) return c.json(errorJson('not-json', 'send JSON (Content-Type: application/json)'), 415);
    await next();
  };
}
