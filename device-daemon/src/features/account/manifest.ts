// First-boot setup and password changes: rare, so loaded on first use.
import type { Manifest } from '../manifest.ts';

export const account: Manifest = {
  name: 'account',
  endpoints: {
    'POST /api/setup': 'setup',
    'POST /api/password': 'customer',
  },
  loads: 'first-use',
  routes: async (parts) => (await import('./routes.ts')).accountRoutes(parts.session),
};
