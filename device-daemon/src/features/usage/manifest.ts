import type { Manifest } from '../manifest.ts';

export const usage: Manifest = {
  name: 'usage',
  endpoints: {
    'GET /api/usage': 'customer',
    'GET /api/usage/history': 'customer',
    'POST /api/usage/correction': 'installer',
  },
  loads: 'first-use',
  routes: async (parts) => (await import('./routes.ts')).usageRoutes({ runtime: parts.runtime, deviceNames: parts.deviceNames, now: parts.now }),
};
