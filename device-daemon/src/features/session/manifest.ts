import type { Manifest } from '../manifest.ts';
import { sessionRoutes } from './routes.ts';

export const session: Manifest = {
  name: 'session',
  endpoints: {
    'GET /api/session': 'public',
    'POST /api/session': 'public',
    'DELETE /api/session': 'customer',
  },
  loads: 'start',
  routes: (parts) => sessionRoutes(parts.session),
};
