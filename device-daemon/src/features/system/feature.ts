// The system feature as one chunk, made on first use from the device's parts.
import type { FeatureParts } from '../../app.ts';
import { createCommissioning } from './commissioning.ts';
import { systemRoutes } from './routes.ts';
import { createSystemService } from './service.ts';

export function systemApp(parts: FeatureParts) {
  const { ports, now, log } = parts;
  const service = createSystemService({ system: ports.system, uci: ports.uci, pkg: parts.pkg, now, log, serial: parts.runtime.serial, ...parts.daemon });
  const commissioning = createCommissioning(
    {
      store: parts.stores.flash,
      system: ports.system,
      modem: ports.modem,
      uci: ports.uci,
      status: parts.runtime.status,
      plan: parts.plan,
      best: async () => (await parts.signalMeter()).best(),
      now,
    },
    () => service.check(),
  );
  return systemRoutes({ service, commissioning, audit: parts.audit, now });
}
