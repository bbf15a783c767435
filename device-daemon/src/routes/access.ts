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
  // Wi-Fi and devices are the customer's own network (the plan is not): see routes/wifi.ts.
  'GET /api/wifi': 'customer',
  'PUT /api/wifi': 'customer',
  'GET /api/wifi/qr.svg': 'customer',
  'GET /api/clients': 'customer',
  'POST /api/clients/:mac/block': 'customer',
  'DELETE /api/clients/:mac/block': 'customer',
  // The modem (routes/modem.ts): customers check the balance, buy a top-up, run
  // the plain USSD quick actions and read their SMS; the rest is for installers.
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
  'GET /api/mobile': 'installer',
  'PUT /api/mobile': 'installer',
  'POST /api/mobile/pin': 'installer',
};
