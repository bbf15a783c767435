// Builds the updater from the running daemon's parts, the first time it is
// needed: nothing here is loaded at start.
import { join } from 'node:path';
import type { Config } from '../../core/config.ts';
import type { ListenAddress } from '../../listen.ts';
import type { FlushReason } from '../../jobs/state-flusher.ts';
import { PACKAGE } from '../../platform.ts';
import type { Clock, StorePort, UciPort } from '../../ports/types.ts';
import type { Runtime } from '../../runtime.ts';
import { SIM_PACKAGE_VERSION, updatePorts } from './device-ports.ts';
import { createUpdateService } from './service.ts';

export type DaemonParts = {
  platform: 'sim' | 'linux' | 'openwrt';
  stateDir: string;
  uci: UciPort;
  config: () => Config;
  runtime: Runtime;
  store: StorePort;
  clock: Clock;
  flusher: { flush(reason: FlushReason): Promise<unknown> };
  listen: ListenAddress[];
  /** Ticks completed since start. */
  ticks: () => number;
  log: (line: string) => void;
};

export async function loadUpdateService(d: DaemonParts) {
  const ports = await updatePorts(d.platform, d.stateDir, { name: PACKAGE, version: SIM_PACKAGE_VERSION });
  return createUpdateService({
    packageName: PACKAGE,
    uci: () => d.uci.show(PACKAGE),
    planTimeZone: () => d.config().plan.timezone,
    planState: () => {
      const desired = d.runtime.usage().state.desired;
      return desired.blocked ? 'blocked' : desired.shaper ? 'throttled' : 'normal';
    },
    store: d.store,
    dir: join(d.stateDir, 'ota'),
    clock: d.clock,
    ...ports,
    countBytes: (bytes) => void d.runtime.addOwnUsage(bytes),
    flushState: async () => void (await d.flusher.flush('shutdown')),
    // Healthy: the daemon has loaded its state, completed a tick, and answers on its own address.
    healthy: async () => {
      if (d.ticks() === 0 || d.listen.length === 0) return false;
      const { host, port } = d.listen[0]!;
      return fetch(`http://${host.includes(':') ? `[${host}]` : host}:${port}/healthz`, { signal: AbortSignal.timeout(3000) }).then(
        (r) => r.ok,
        () => false,
      );
    },
    log: d.log,
  });
}
