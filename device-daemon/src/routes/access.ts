// Who may call what. Every endpoint the app registers must be listed here (a test
// checks); anything missing answers 403. Keys are "METHOD /path" as registered.
import type { Access } from '../middleware/access-control.ts';

export const ACCESS: Record<string, Access> = {
  'GET /healthz': 'public',
  'GET /*': 'public', // the UI's static files
  'GET /api/session': 'public',
  'POST /api/session': 'public',
  'DELETE /api/session': 'customer',
  'POST /api/setup': 'setup',
  'GET /api/status': 'customer',
  'GET /api/events': 'customer',
  'GET /api/usage': 'customer',
  'GET /api/usage/history': 'customer',
  'POST /api/usage/correction': 'installer',
  'GET /api/plan': 'customer',
  'PUT /api/plan': 'installer',
  'POST /api/topups': 'installer',
  'POST /api/password': 'customer',
  'GET /api/audit': 'installer',
};
