// Updates and ISP notices: everyone signed in sees the pending update and the
// notices meant for them, and customers may defer; installers install now and
// check now. The updater itself loads on first use (load.ts).
import { HttpError } from '../../middleware/validate.ts';
import type { Manifest } from '../manifest.ts';

export const updates: Manifest = {
  name: 'updates',
  endpoints: {
    'GET /api/updates': 'customer',
    'POST /api/updates/defer': 'customer',
    'POST /api/updates/install-now': 'installer',
    'POST /api/updates/check': 'installer',
  },
  loads: 'first-use',
  routes: async (parts) =>
    (await import('./routes.ts')).updatesRoutes({
      service: parts.updates ?? (() => Promise.reject(new HttpError(409, 'no-update-channel', 'this device has no update channel'))),
      audit: parts.audit,
    }),
};
