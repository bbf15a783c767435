import { Hono } from 'hono/tiny';
import type { AccessEnv } from '../../middleware/access-control.ts';

/** GET /healthz: for procd and tests. No session, no data. */
export function healthRoutes() {
  return new Hono<AccessEnv>().get('/healthz', (c) => c.text('ok'));
}
