// The system feature: the device's facts and the daemon's health, restart and
// factory reset, configuration backup and restore, the system log, the
// connectivity check, and the commissioning record. Customers see what the
// device is and may restart it or check the connection (what a support call asks
// of them first); the rest changes or reveals the configuration: installers only.
import type { Manifest } from '../manifest.ts';

export const system: Manifest = {
  name: 'system',
  endpoints: {
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
  },
  loads: 'first-use',
  routes: async (parts) => (await import('./feature.ts')).systemApp(parts),
};
