// Anyone signed in may read the plan; only installers change it or add top-ups.
import type { Manifest } from '../manifest.ts';

export const plan: Manifest = {
  name: 'plan',
  endpoints: {
    'GET /api/plan': 'customer',
    'PUT /api/plan': 'installer',
    'POST /api/topups': 'installer',
  },
  loads: 'first-use',
  routes: async (parts) => (await import('./routes.ts')).planRoutes({ runtime: parts.runtime, plan: parts.plan, store: parts.planStore, audit: parts.audit }),
};
