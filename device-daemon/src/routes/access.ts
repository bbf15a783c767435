// Who may call what. Every endpoint the app registers must be listed here (a test
// checks); anything missing answers 403. Keys are "METHOD /path" as registered.
import type { Access } from '../middleware/access-control.ts';
import { SYSTEM_ENDPOINTS } from '../features/system/manifest.ts';

/** Endpoints the daemon answers with code it has loaded at start. */
const CORE: Record<string, Access> = {
  'GET /healthz': 'public',
  'GET /*': 'public', // the UI's static files
  'GET /api/session': 'public',
  'POST /api/session': 'public',
  'DELETE /api/session': 'customer',
  'GET /api/status': 'customer',
  'GET /api/events': 'customer',
  'GET /api/audit': 'installer',
};

/**
 * Endpoints answered by a feature loaded on first use (routes/lazy.ts), by
 * feature. Their paths are registered at start like every other.
 */
export const FEATURES = {
  account: {
    'POST /api/setup': 'setup',
    'POST /api/password': 'customer',
  },
  usage: {
    'GET /api/usage': 'customer',
    'GET /api/usage/history': 'customer',
    'POST /api/usage/correction': 'installer',
  },
  plan: {
    'GET /api/plan': 'customer',
    'PUT /api/plan': 'installer',
    'POST /api/topups': 'installer',
  },
  // Wi-Fi and devices are the customer's own network (the plan is not): see routes/wifi.ts.
  wifi: {
    'GET /api/wifi': 'customer',
    'PUT /api/wifi': 'customer',
    'GET /api/wifi/qr.svg': 'customer',
    'GET /api/clients': 'customer',
    'POST /api/clients/:mac/block': 'customer',
    'DELETE /api/clients/:mac/block': 'customer',
  },
  // The modem: customers check the balance, buy a top-up, run the plain USSD quick
  // actions and read their SMS; the rest (console, signal meter, settings) is for installers.
  modem: {
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
  system: SYSTEM_ENDPOINTS,
} satisfies Record<string, Record<string, Access>>;

export const ACCESS: Record<string, Access> = { ...CORE, ...FEATURES.account, ...FEATURES.usage, ...FEATURES.plan, ...FEATURES.wifi, ...FEATURES.modem, ...FEATURES.system };
