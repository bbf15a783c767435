// The modem feature as one chunk: its service (queue, balance, purchase, USSD,
// SMS), mobile settings, signal meter and routes, made on first use.
import { createModemFeature, type ModemServiceDeps } from '../modem-service.ts';
import { modemRoutes, type ModemDeps } from '../routes/modem.ts';
import type { Status } from '../api/status.ts';
import type { Hub } from '../events.ts';
import type { SignalMeter } from '../jobs/signal-meter.ts';

export function modemApp(deps: ModemServiceDeps & { statusEvents: Hub<Status>; meter?: SignalMeter } & Omit<ModemDeps, 'service' | 'mobile' | 'meter'>) {
  return modemRoutes({ ...createModemFeature(deps), runtime: deps.runtime, sessions: deps.sessions, audit: deps.audit });
}
