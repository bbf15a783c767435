// Saving the plan: checked as a whole config before anything is written, so bad
// input changes nothing, then one `uci batch` and the new plan is in force.
import type { PlanJson } from './api/plan.ts';
import { ConfigError, readConfig, type Config } from './core/config.ts';
import { planToUci } from './core/plan-settings.ts';
import type { UciPort } from './ports/types.ts';
import { applyUci } from './ports/uci/apply.ts';
import { HttpError } from './routes/validate.ts';

export type PlanStore = { uci: UciPort; pkg: string; apply: (config: Config) => void };

export function planSaver(uci: UciPort, pkg: string, apply: (config: Config) => void) {
  return async function savePlan(plan: PlanJson): Promise<void> {
    const commands = planToUci(pkg, plan);
    let checked: Config;
    try {
      checked = readConfig(applyUci(await uci.show(pkg), commands));
    } catch (error) {
      if (error instanceof ConfigError) throw new HttpError(400, error.message.replace(/^invalid configuration:\s*/, ''));
      throw error;
    }
    await uci.batch(pkg, commands);
    apply(checked);
  };
}
