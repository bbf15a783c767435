// The system endpoints (manifest.ts says who may call each). Every action is in
// the audit log, with a key the UI translates.
import { Hono } from 'hono/tiny';
import type { Context } from 'hono';
import * as v from 'valibot';
import type { Audit } from '../../auth/audit-log.ts';
import type { AccessEnv } from '../../middleware/access-control.ts';
import { HttpError, readJson } from '../../middleware/validate.ts';
import { renderRecordPage } from '../../core/commissioning.ts';
import { ConnectivityInput, FactoryResetInput, FinishInput, RebootInput, RESET_KEEPS, RESET_WIPES } from './schemas.ts';
import { RestoreRefused, type SystemService } from './service.ts';
import type { createCommissioning } from './commissioning.ts';

/** No script at all, only its own inline style: the page is printed or saved, never run. */
const RECORD_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function systemRoutes(deps: { service: SystemService; commissioning: ReturnType<typeof createCommissioning>; audit: Audit; now: () => number }) {
  const { service, audit, commissioning } = deps;
  const role = (c: Context<AccessEnv>) => c.get('session')!.role;
  return new Hono<AccessEnv>()
    .get('/system', async (c) => {
      const installer = role(c) === 'installer';
      const facts = await service.facts(installer);
      return c.json({ ...facts, factoryReset: installer ? { keeps: [...RESET_KEEPS], wipes: [...RESET_WIPES] } : null });
    })
    .post('/system/reboot', async (c) => {
      await readJson(c, RebootInput);
      audit(role(c), 'restarted the router', 'rebooted');
      await service.restart('reboot');
      return c.json({ ok: true }, 202);
    })
    .post('/system/factory-reset', async (c) => {
      await readJson(c, FactoryResetInput);
      audit(role(c), 'reset the router to factory settings', 'factory-reset');
      await service.restart('factory-reset');
      return c.json({ ok: true }, 202);
    })
    .post('/system/connectivity', async (c) => {
      const { target } = await readJson(c, ConnectivityInput);
      const result = await service.check(target);
      audit(role(c), `checked the connection: ${result.ok ? 'all reached' : 'some failed'}`, result.ok ? 'check-passed' : 'check-failed');
      return c.json(result);
    })
    .get('/system/backup', async (c) => {
      const doc = await service.backup();
      audit(role(c), 'downloaded a configuration backup', 'backup-downloaded');
      c.header('Content-Disposition', `attachment; filename="modem-admin-backup-${day(deps.now())}.json"`);
      return c.json(doc);
    })
    .post('/system/restore', async (c) => {
      const doc = await readJson(c, v.unknown());
      try {
        const result = await service.restore(doc);
        audit(role(c), `restored the configuration from a backup (${result.sections} sections)`, 'backup-restored', { n: result.sections });
        return c.json({ ok: true, ...result });
      } catch (error) {
        if (!(error instanceof RestoreRefused)) throw error;
        audit(role(c), `a configuration restore was refused (${error.problems.length} problems)`, 'restore-refused', { n: error.problems.length });
        throw new HttpError(400, 'backup-refused', error.message, {}, { issues: error.problems.map((p) => ({ ...p, code: 'backup' })) });
      }
    })
    .post('/commissioning', async (c) => {
      const { notes } = await readJson(c, FinishInput);
      const record = await commissioning.finish(role(c), notes);
      const passed = record.tests.every((t) => t.ok);
      audit(role(c), `finished commissioning (tests ${passed ? 'passed' : 'failed'})`, passed ? 'commissioned' : 'commissioning-failed');
      return c.json({ record }, 201);
    })
    .get('/commissioning', async (c) => c.json({ record: await commissioning.current() }))
    .get('/commissioning/record.html', async (c) => {
      const record = await commissioning.current();
      if (!record) throw new HttpError(404, 'not-found', 'no commissioning record yet');
      c.header('Content-Security-Policy', RECORD_CSP);
      c.header('Content-Disposition', `attachment; filename="commissioning-${record.device.imei ?? 'record'}-${record.at.slice(0, 10)}.html"`);
      return c.html(renderRecordPage(record, c.req.query('lang') === 'pl' ? 'pl' : 'en'));
    })
    .get('/system/logs', async (c) => {
      const lines = await service.logs();
      if (c.req.query('download') === undefined) return c.json({ lines: lines.map(({ raw: _r, ...line }) => line) });
      c.header('Content-Disposition', `attachment; filename="modem-admin-log-${day(deps.now())}.txt"`);
      return c.text(lines.map((l) => l.raw).join('\n') + '\n');
    });
}
