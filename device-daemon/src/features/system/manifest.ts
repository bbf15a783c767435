// The system feature's endpoints and who may call them. Customers see what the
// device is and may restart it or check the connection (what a support call asks
// of them first); the rest changes or reveals the configuration: installers only.
import type { Access } from '../../middleware/access-control.ts';

export const SYSTEM_ENDPOINTS = {
  'GET /api/system': 'customer', // installers also get the daemon's health and the reset notes
  'POST /api/system/reboot': 'customer',
  'POST /api/system/connectivity': 'customer',
  'POST /api/system/factory-reset': 'installer',
  'GET /api/system/backup': 'installer',
  'POST /api/system/restore': 'installer',
  'GET /api/system/logs': 'installer',
  // The commissioning record: installers and the ISP's support staff (who sign in as installers).
  'POST /api/commissioning': 'installer',
  'GET /api/commissioning': 'installer',
  'GET /api/commissioning/record.html': 'installer',
} satisfies Record<string, Access>;
