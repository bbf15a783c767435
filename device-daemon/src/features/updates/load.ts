// Builds the updater from the device's parts, the first time it is needed:
// nothing here is loaded at start.
import { join } from 'node:path';
import type { UpdaterParts } from '../../device.ts';
import { SIM_PACKAGE_VERSION, updatePorts } from './device-ports.ts';
import { createUpdateService } from './service.ts';

export type DaemonUpdater = {
  platform: 'sim' | 'linux' | 'openwrt';
  stateDir: string;
  /** The daemon answers on its own address (GET /healthz). */
  answers: () => Promise<boolean>;
};

export async function loadUpdateService(d: UpdaterParts & DaemonUpdater) {
  const ports = await updatePorts(d.platform, d.stateDir, { name: d.pkg, version: SIM_PACKAGE_VERSION });
  return createUpdateService({
    packageName: d.pkg,
    uci: () => d.uci.show(d.pkg),
    planTimeZone: () => d.config().plan.timezone,
    planState: () => {
      const desired = d.runtime.usage().state.desired;
      return desired.blocked ? 'blocked' : desired.shaper ? 'throttled' : 'normal';
    },
    store: d.flash,
    dir: join(d.stateDir, 'ota'),
    clock: d.clock,
    ...ports,
    countBytes: (bytes) => d.runtime.addOwnUsage(bytes),
    flushState: d.flush,
    // Healthy: the daemon has loaded its state, completed a tick, and answers on its own address.
    healthy: async () => d.ticks() > 0 && (await d.answers()),
    log: d.log,
  });
}
