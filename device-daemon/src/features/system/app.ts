// The system feature's sub-app, built from its deps when first called.
import type { Audit } from '../../auth/audit-log.ts';
import { systemRoutes } from './routes.ts';
import { createSystemService, type SystemDeps } from './service.ts';

export function systemApp(deps: SystemDeps & { audit: Audit }) {
  return systemRoutes({ service: createSystemService(deps), audit: deps.audit, now: deps.now });
}
