// The devices on the LAN are the customer's own: customers list and block them.
import type { Manifest } from '../manifest.ts';

export const devices: Manifest = {
  name: 'devices',
  endpoints: {
    'GET /api/clients': 'customer',
    'POST /api/clients/:mac/block': 'customer',
    'DELETE /api/clients/:mac/block': 'customer',
    'PUT /api/clients/:mac/name': 'customer',
  },
  loads: 'first-use',
  routes: async (parts) =>
    (await import('./routes.ts')).devicesRoutes({
      lan: parts.ports.lan,
      store: parts.stores.flash,
      usage: () => parts.runtime.usage().ledger.devices,
      now: parts.now,
      clientAddress: parts.session.clientAddress,
      audit: parts.audit,
      serial: parts.runtime.serial,
    }),
};
