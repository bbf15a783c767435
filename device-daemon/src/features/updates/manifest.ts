// The updates feature's endpoints and who may call them (the access table
// collects this at start; the routes load on first use).
import type { Access } from '../../middleware/access-control.ts';

export const UPDATES_ACCESS = {
  'GET /api/updates': 'customer',
  'POST /api/updates/defer': 'customer',
  'POST /api/updates/install-now': 'installer',
  'POST /api/updates/check': 'installer',
} satisfies Record<string, Access>;
