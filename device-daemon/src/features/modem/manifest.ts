// The modem: customers check the balance, buy a top-up, run the plain USSD quick
// actions and read their SMS; the rest (console, signal meter, settings) is for installers.
import type { Manifest } from '../manifest.ts';

export const modem: Manifest = {
  name: 'modem',
  endpoints: {
    'GET /api/balance': 'customer',
    'POST /api/balance/check': 'customer',
    'POST /api/topups/purchase': 'customer',
    'GET /api/ussd': 'customer',
    'POST /api/ussd/action': 'customer', // internet on/off: installers only, checked in the route
    'POST /api/ussd': 'installer',
    'POST /api/ussd/respond': 'installer',
    'DELETE /api/ussd': 'installer',
    'GET /api/sms': 'customer',
    'DELETE /api/sms/:id{[0-9]{1,9}}': 'customer',
    'POST /api/sms': 'installer',
    'GET /api/signal/events': 'installer',
    'DELETE /api/signal/best': 'installer',
    'GET /api/mobile': 'installer',
    'PUT /api/mobile': 'installer',
    'POST /api/mobile/pin': 'installer',
    'POST /api/mobile/puk': 'installer',
    'POST /api/mobile/scan': 'installer',
    'PUT /api/mobile/operator': 'installer',
    'PUT /api/mobile/bands': 'installer',
  },
  loads: 'first-use',
  routes: async (parts) => (await import('./feature.ts')).modemApp(parts),
};
