import { Hono } from 'hono/tiny';

/** GET /healthz: for procd and tests. No session, no data. */
export function healthRoutes() {
  return new Hono().get('/healthz', (c) => c.text('ok'));
}
