// The modem feature as one chunk: its service (queue, balance, purchase, USSD,
// SMS), mobile settings, signal meter and routes, made on first use.
import { createModemFeature, type ModemServiceDeps } from './service.ts';
import { modemRoutes, type ModemDeps } from './routes.ts';
import type { Status } from '../status/schemas.ts';
import type { Hub } from '../../core/hub.ts';

export function modemApp(deps: ModemServiceDeps & { statusEvents: Hub<Status> } & Omit<ModemDeps, 'service' | 'mobile' | 'meter'>) {
  return modemRoutes({ ...createModemFeature(deps), runtime: deps.runtime, sessions: deps.sessions, audit: deps.audit });
}
