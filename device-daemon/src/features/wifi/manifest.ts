// The Wi-Fi is the customer's own network (the plan is not): customers change it.
import type { Manifest } from '../manifest.ts';

export const wifi: Manifest = {
  name: 'wifi',
  endpoints: {
    'GET /api/wifi': 'customer',
    'PUT /api/wifi': 'customer',
    'GET /api/wifi/qr.svg': 'customer',
  },
  loads: 'first-use',
  routes: async (parts) => (await import('./routes.ts')).wifiRoutes({ wireless: parts.ports.wireless, audit: parts.audit, log: parts.log, serial: parts.runtime.serial }),
};
