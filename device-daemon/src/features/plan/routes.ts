// The plan: anyone signed in may read it; only installers change it or add top-ups.
import type { Audit } from '../../auth/audit-log.ts';
import { Hono } from 'hono/tiny';
import { PlanInput, TopupInput } from './schemas.ts';
import { planSaver, type PlanStore } from './store.ts';
import type { PlanConfig } from '../../core/config.ts';
import { planToJson } from '../../core/plan-settings.ts';
import type { AccessEnv } from '../../middleware/access-control.ts';
import type { Runtime } from '../../jobs/runtime.ts';
import { HttpError, readJson } from '../../middleware/validate.ts';

export type PlanDeps = {
  runtime: Runtime;
  plan: () => PlanConfig;
  /** Where the plan is stored (UCI) and how the daemon takes a new config. */
  store: PlanStore;
  audit: Audit;
};

export function planRoutes(deps: PlanDeps) {
  const savePlan = planSaver(deps.store.uci, deps.store.pkg, deps.store.apply);
  return new Hono<AccessEnv>()
    .get('/plan', (c) => c.json(planToJson(deps.plan())))
    .put('/plan', async (c) => {
      const body = await readJson(c, PlanInput);
      // Fields an older form does not send keep their stored value.
      const current = deps.plan();
      const plan = { ...body, cycleFirstDays: body.cycleFirstDays ?? current.cycle_first_days, units: body.units ?? current.units };
      // Checked and written in the device's queue, then applied in a turn of its own.
      await deps.runtime.serial(() => savePlan(plan));
      await deps.runtime.planChanged();
      deps.audit(c.get('session')!.role, `changed the plan: ${JSON.stringify(plan)}`, 'plan-changed');
      return c.json(planToJson(deps.plan()));
    })
    .post('/topups', async (c) => {
      const { bytes } = await readJson(c, TopupInput);
      if (!deps.plan().topup_size.includes(bytes)) {
        throw new HttpError(400, 'topup-size', `the plan offers top-ups of ${deps.plan().topup_size.join(', ')} bytes only`, { sizes: deps.plan().topup_size.join(',') });
      }
      const topup = await deps.runtime.addTopup(bytes, c.get('session')!.role);
      deps.audit(c.get('session')!.role, `added a top-up of ${bytes} bytes`, 'topup-added', { bytes });
      return c.json({ ...topup, at: new Date(topup.at).toISOString() }, 201);
    });
}
