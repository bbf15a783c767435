// Saving the plan: checked as a whole config before anything is written, so bad
// input changes nothing, then one `uci batch` and the new plan is in force.
import type { PlanView } from './schemas.ts';
import { ConfigError, readConfig, type Config } from '../../core/config.ts';
import { planToUci } from '../../core/plan-settings.ts';
import type { UciPort } from '../../ports/types.ts';
import { applyUci } from '../../ports/uci/apply.ts';
import { HttpError } from '../../middleware/validate.ts';

/** `topup_size.1` -> `topupSizes.1`: the API's name for a plan option. */
function apiField(option: string): string {
  const [name = '', ...rest] = option.split('.');
  const camel = name.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
  return [camel === 'topupSize' ? 'topupSizes' : camel, ...rest].join('.');
}

export type PlanStore = { uci: UciPort; pkg: string; apply: (config: Config) => void };

export function planSaver(uci: UciPort, pkg: string, apply: (config: Config) => void) {
  return async function savePlan(plan: PlanView): Promise<void> {
    const commands = planToUci(pkg, plan);
    let checked: Config;
    try {
      checked = readConfig(applyUci(await uci.show(pkg), commands));
    } catch (error) {
      // Name each problem by the API's field ("plan.topup_size.1" -> "topupSizes.1"), as the
      // request schema's own issues are, so the form shows it beside its field.
      if (error instanceof ConfigError) {
        const issues = error.issues.map(({ path, message }) => ({ path: apiField(path.replace(/^plan\./, '')), message }));
        throw new HttpError(400, issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
      }
      throw error;
    }
    await uci.batch(pkg, commands);
    apply(checked);
  };
}
