// The system feature's sub-app, built from its deps when first called.
import type { Audit } from '../../auth/audit-log.ts';
import { createCommissioning, type CommissioningDeps } from './commissioning.ts';
import { systemRoutes } from './routes.ts';
import { createSystemService, type SystemDeps } from './service.ts';

export function systemApp(deps: SystemDeps & Omit<CommissioningDeps, 'system' | 'uci' | 'now'> & { audit: Audit }) {
  const service = createSystemService(deps);
  const commissioning = createCommissioning(deps, () => service.check());
  return systemRoutes({ service, commissioning, audit: deps.audit, now: deps.now });
}
