import { Hono } from 'hono/tiny';
import type { AuditLog } from '../../auth/audit-log.ts';
import type { AccessEnv } from '../../middleware/access-control.ts';

/** GET /api/audit: the installer's view of who changed what, newest first. */
export function auditRoutes(audit: AuditLog) {
  return new Hono<AccessEnv>().get('/audit', (c) => c.json({ entries: [...audit.entries()].reverse() }));
}
