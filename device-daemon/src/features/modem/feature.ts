// The modem feature as one chunk: its service (queue, balance, purchase, USSD,
// SMS), mobile settings, signal meter and routes, made on first use.
import type { FeatureParts } from '../../app.ts';
import { createModemFeature } from './service.ts';
import { modemRoutes } from './routes.ts';

export async function modemApp(parts: FeatureParts) {
  const feature = createModemFeature({
    modem: parts.ports.modem,
    uci: parts.ports.uci,
    config: () => parts.config().modem,
    units: () => parts.config().plan.units,
    pkg: parts.pkg,
    runtime: parts.runtime,
    statusEvents: parts.statusEvents,
    now: parts.now,
    monotonic: parts.monotonic,
    log: parts.log,
    ...parts.modemTuning,
    meter: await parts.signalMeter(),
  });
  return modemRoutes({ ...feature, runtime: parts.runtime, sessions: parts.sessions, audit: parts.audit });
}
