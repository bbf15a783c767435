// This cycle's usage in detail, past cycles, and the installer's correction to
// the operator's figure.
import { Hono } from 'hono/tiny';
import { CorrectionInput } from '../plan/schemas.ts';
import { forecast as forecastOf } from '../../core/forecast.ts';
import type { AccessEnv } from '../../middleware/access-control.ts';
import type { Runtime } from '../../jobs/runtime.ts';
import { readJson } from '../../middleware/validate.ts';

export function usageRoutes(deps: { runtime: Runtime; deviceNames: () => Record<string, string>; now: () => number }) {
  return new Hono<AccessEnv>()
    .get('/usage', (c) => {
      const { ledger, cycle, state, used } = deps.runtime.usage();
      const forecast = forecastOf(ledger, cycle, deps.now(), state.allowance, deps.runtime.timeZone());
      const names = deps.deviceNames();
      return c.json({
        timeZone: deps.runtime.timeZone(),
        cycleStart: new Date(cycle.start).toISOString(),
        cycleEnd: new Date(cycle.end).toISOString(),
        down: ledger.total.down,
        up: ledger.total.up,
        total: used,
        allowance: state.allowance,
        left: state.allowance === null ? null : Math.max(0, state.allowance - used),
        overCap: state.overCap,
        daily: Object.entries(ledger.daily)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([date, bytes]) => ({ date, ...bytes })),
        devices: Object.entries(ledger.devices)
          .map(([key, bytes]) => ({ key, name: names[key] ?? null, ...bytes }))
          .sort((a, b) => b.down + b.up - (a.down + a.up)),
        forecast: {
          averagePerDay: forecast.averagePerDay,
          capReachedAt: forecast.capReachedAt === null ? null : new Date(forecast.capReachedAt).toISOString(),
          perDayLeft: forecast.perDayLeft,
        },
        topups: ledger.topups.map((t) => ({ ...t, at: new Date(t.at).toISOString() })),
        corrections: ledger.corrections.map((x) => ({ ...x, at: new Date(x.at).toISOString() })),
      });
    })
    .get('/usage/history', (c) => {
      const { ledger } = deps.runtime.usage();
      return c.json({
        cycles: ledger.history.map((h) => ({
          start: new Date(h.start).toISOString(),
          end: new Date(h.end).toISOString(),
          down: h.down,
          up: h.up,
          total: Math.max(0, h.down + h.up + h.adjust),
          topupBytes: h.topupBytes,
        })),
      });
    })
    .post('/usage/correction', async (c) => {
      const { operatorBytes } = await readJson(c, CorrectionInput);
      await deps.runtime.correct(operatorBytes, c.get('session')!.role);
      return c.json({ ok: true });
    });
}
