// GET /api/updates for everyone signed in (customers see a pending update
// from its notice date, and the notices meant for them); customers may defer
// within the release's limit; installers may install now or check now.
import type { Audit } from '../../auth/audit-log.ts';
import { Hono } from 'hono/tiny';
import type { AccessEnv } from '../../middleware/access-control.ts';
import { HttpError, readJson } from '../../middleware/validate.ts';
import { DeferInput, NoInput } from './schemas.ts';
import type { UpdateService } from './service.ts';

export function updatesRoutes(deps: { service: () => Promise<UpdateService>; audit: Audit }) {
  const viewer = (role: string) => (role === 'installer' ? 'installer' : 'customer');
  return new Hono<AccessEnv>()
    .get('/updates', async (c) => c.json(await (await deps.service()).view(viewer(c.get('session')!.role))))
    .post('/updates/defer', async (c) => {
      const { days } = await readJson(c, DeferInput);
      const result = await (await deps.service()).defer(days);
      if ('error' in result) throw new HttpError(result.status, result.status === 404 ? 'no-update-pending' : 'update-refused', result.error, { reason: result.error });
      deps.audit(c.get('session')!.role, `deferred the pending update by ${days} day(s), to ${new Date(result.deferredUntil).toISOString()}`, 'update-deferred', { days });
      return c.json({ deferredUntil: result.deferredUntil });
    })
    .post('/updates/install-now', async (c) => {
      await readJson(c, NoInput);
      const result = await (await deps.service()).installNow();
      if (!result.ok) throw new HttpError(409, 'update-refused', result.message, { reason: result.message });
      deps.audit(c.get('session')!.role, `asked to install the pending update now: ${result.message}`, 'update-install-now', { reason: result.message });
      return c.json(result);
    })
    .post('/updates/check', async (c) => {
      await readJson(c, NoInput);
      const service = await deps.service();
      const result = await service.check();
      deps.audit(c.get('session')!.role, `checked for updates: ${result.message}`, 'update-checked', { reason: result.message });
      void service.tick();
      return c.json(result);
    });
}
