import type { Manifest } from '../manifest.ts';
import { statusRoutes } from './routes.ts';

export const status: Manifest = {
  name: 'status',
  endpoints: {
    'GET /api/status': 'customer',
    'GET /api/events': 'customer',
  },
  loads: 'start',
  routes: (parts) => statusRoutes({ status: parts.runtime.status, statusEvents: parts.statusEvents, sessions: parts.sessions }),
};
