// The commissioning record (core/commissioning.ts): made when the installer says
// the job is done, from the device's own figures and a fresh connectivity check,
// and kept in the flash store. One record: a new one replaces the last.
import type { Status } from '../status/schemas.ts';
import type { CommissioningRecord, RecordSignal } from '../../core/commissioning.ts';
import { COMMISSIONING_FILE } from './commissioning-file.ts';
import type { CheckStep } from '../../core/connectivity.ts';
import type { PlanConfig } from '../../core/config.ts';
import type { BestSample } from '../modem/signal-meter.ts';
import type { ModemPort, StorePort, SystemPort, UciPort } from '../../ports/types.ts';

export type CommissioningDeps = {
  store: StorePort;
  system: SystemPort;
  modem: ModemPort;
  uci: UciPort;
  status: () => Status;
  plan: () => PlanConfig;
  /** The signal meter's best reading since it was opened (or reset). */
  best: () => Promise<BestSample | null>;
  now: () => number;
};

const iso = (ms: number) => new Date(ms).toISOString();

export function createCommissioning(deps: CommissioningDeps, check: () => Promise<{ steps: CheckStep[] }>) {
  const optional = <T>(p: Promise<T>) => p.catch(() => null);
  return {
    current: () => deps.store.read(COMMISSIONING_FILE),
    async finish(by: string, notes: string): Promise<CommissioningRecord> {
      const [facts, details, sim, cell, network, best, tests] = await Promise.all([
        deps.system.facts(),
        optional(deps.modem.details()),
        optional(deps.modem.sim()),
        optional(deps.modem.cell()),
        optional(deps.uci.show('network')),
        deps.best(),
        check(),
      ]);
      const c = deps.status().connection;
      const final: RecordSignal | null = c.rsrp === null && c.sinr === null ? null : { rsrp: c.rsrp, rsrq: c.rsrq, sinr: c.sinr, at: iso(deps.now()), cell };
      const apn = network?.sections.find((s) => s.type === 'interface' && s.options.proto === 'modemmanager')?.options.apn;
      const plan = deps.plan();
      const record: CommissioningRecord = {
        at: iso(deps.now()),
        by,
        device: { model: facts.model, firmware: facts.firmware, packageVersion: facts.packageVersion, imei: details?.imei ?? null, iccid: sim?.iccid ?? null },
        operator: c.operator,
        technology: c.technology,
        apn: typeof apn === 'string' ? apn : null,
        plan: { cycle: plan.cycle, cap: typeof plan.cap === 'number' ? plan.cap : null, policy: plan.policy, timezone: plan.timezone, units: plan.units },
        signal: { best: best && { rsrp: best.rsrp, rsrq: best.rsrq, sinr: best.sinr, at: iso(best.t), cell: best.cell }, final },
        tests: tests.steps,
        notes,
      };
      await deps.store.write(COMMISSIONING_FILE, record);
      return record;
    },
  };
}
