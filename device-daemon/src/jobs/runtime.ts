// The running device as the routes see it: the tick that moves everything
// forward, and the few actions that change state (plan, top-ups, corrections).
// It owns no I/O of its own: the ports and stores come in.
import { randomBytes } from 'node:crypto';
import type { Notice, Status } from '../features/status/schemas.ts';
import type { Config, PlanConfig } from '../core/config.ts';
import { planState } from '../core/enforcement.ts';
import { flowOffloading } from '../core/flow-offload.ts';
import { buildStatus } from '../core/status.ts';
import { extendValidity, operatorValidityEnd, validityEnd } from '../core/prepaid-validity.ts';
import { addDeviceUsage, addTopup, correctTo, markAlerts, usedBytes, type Ledger } from '../core/usage-ledger.ts';
import type { Hub } from '../core/hub.ts';
import type { Enforcer } from './plan-enforcer.ts';
import type { FlushReason } from './state-flusher.ts';
import type { UsageSampler } from './usage-sampler.ts';
import type { ModemStatus, Ports } from '../ports/types.ts';

export type RuntimeDeps = {
  ports: Pick<Ports, 'uci' | 'modem' | 'clock'>;
  config: () => Config;
  sampler: UsageSampler;
  enforcer: Enforcer;
  flush: (reason: FlushReason | 'changed') => Promise<void>;
  statusEvents: Hub<Status>;
  /** The device's one queue of state changes (the tick runs in it too): changes never interleave. */
  serial?: <R>(work: () => Promise<R>) => Promise<R>;
  /** A store that keeps failing (the flash is full or read-only): shown to installers. */
  storeProblem?: () => { where: string; reason: string; failures: number } | null;
  monotonic: () => number;
  log: (line: string) => void;
};

/** The ledger's per-device key for the router's own traffic (updates). */
export const OWN_DEVICE = 'this-device';

export function createRuntime(deps: RuntimeDeps) {
  const { ports, sampler, enforcer } = deps;
  let modem: ModemStatus = { state: 'absent', operator: null, technology: null, roaming: false, signal: { rsrp: null, rsrq: null, sinr: null, rssi: null } };

  const plan = (): PlanConfig => deps.config().plan;
  // The modem is asked every few seconds (on the router each read spawns mmcli), and
  // at every tick while an installer's signal meter is open.
  const MODEM_MS = 5000;
  let modemRead = -Infinity;
  let meters = 0;
  let offload: 'none' | 'software' | 'hardware' = 'none';
  let offloadChecked = -Infinity;

  /** Re-reads the firewall's offloading setting at most once a minute (it changes only by hand). */
  async function checkOffload(): Promise<void> {
    if (deps.monotonic() - offloadChecked < 60_000) return;
    offloadChecked = deps.monotonic();
    try {
      const now = flowOffloading(await ports.uci.show('firewall'));
      if (now !== offload) deps.log(now === 'none' ? 'plan: flow offloading is off' : `plan: ${now} flow offloading is on: throttle, block and per-device counts cannot hold`);
      offload = now;
    } catch (error) {
      deps.log(`plan: cannot read the firewall config: ${(error as Error).message}`);
    }
  }

  function notices(): Notice[] {
    const list: Notice[] = [];
    const failure = enforcer.failure();
    if (failure) list.push({ id: 'enforcement-failed', level: 'blocking', code: 'enforcement-failed', params: { message: failure }, audience: 'installer' });
    if (offload !== 'none') list.push({ id: 'offload-bypass', level: 'blocking', code: 'offload-bypass', params: { kind: offload }, audience: 'installer' });
    const stored = deps.storeProblem?.();
    if (stored) list.push({ id: 'state-not-saved', level: 'warning', code: 'state-not-saved', params: { where: stored.where, reason: stored.reason, failures: stored.failures }, audience: 'installer' });
    return list;
  }

  // Built once per change, not per request: polling clients and event streams share it.
  let cached: Status | null = null;
  /** Drops the built status: the next reader builds it anew. */
  const changed = () => void (cached = null);

  function status(): Status {
    return (cached ??= buildStatus({
      now: ports.clock.now(),
      timeTrusted: ports.clock.trusted(),
      plan: plan(),
      support: deps.config().support,
      cycle: sampler.cycle(),
      ledger: sampler.ledger(),
      modem,
      // With offloading on, established flows pass the shaper: do not claim a throttle that does not hold.
      enforced: offload === 'none' ? enforcer.enforced() : 'none',
      notices: notices(),
    }));
  }

  /** Raises new alerts and brings the line to what the plan wants. */
  async function enforce(force: boolean): Promise<void> {
    const state = planState(plan(), sampler.cycle(), sampler.ledger());
    if (state.newAlerts.length > 0) {
      sampler.update((ledger) => markAlerts(ledger, state.newAlerts));
      deps.log(`plan: ${state.newAlerts.join('%, ')}% of the allowance used`);
    }
    await enforcer.enforce(state.desired, force);
  }

  const serial = deps.serial ?? (<R>(work: () => Promise<R>) => work());

  /**
   * After the plan changed in UCI: a new period rule or cap closes the period now
   * (sampler.planChanged); then enforcement is decided again at once, published and saved.
   */
  async function applyPlanChange(): Promise<void> {
    const closed = sampler.planChanged().length > 0;
    await enforce(true);
    changed();
    deps.statusEvents.publish(status());
    await deps.flush(closed ? 'rollover' : 'policy');
  }

  /** A change of the ledger: in the device's queue, enforced, published, then saved. */
  function changeLedger(change: (ledger: Ledger) => Ledger, reason: FlushReason): Promise<void> {
    return serial(async () => {
      sampler.update(change);
      await enforce(true);
      changed();
      deps.statusEvents.publish(status());
      await deps.flush(reason);
    });
  }

  return {
    status,
    timeZone: () => plan().timezone,
    /** While the returned function is not called, the modem is read at every tick (the signal meter). */
    watchSignal(): () => void {
      meters++;
      let released = false;
      return () => {
        if (!released) meters--;
        released = true;
      };
    },
    /** Before the first tick: a reboot never lifts a throttle. */
    async start(): Promise<void> {
      await checkOffload();
      modem = await ports.modem.status();
      modemRead = deps.monotonic();
      await enforce(true);
    },
    async tick(): Promise<void> {
      const cycleBefore = sampler.ledger().cycleStart;
      const counted = await sampler.tick();
      await checkOffload();
      // A re-created or returning WAN interface has lost our qdiscs: re-apply now.
      const notes = sampler.notes();
      await enforce(notes.includes('rebooted') || notes.includes('recreated') || notes.includes('reset'));
      if (meters > 0 || deps.monotonic() - modemRead >= MODEM_MS) {
        modem = await ports.modem.status();
        modemRead = deps.monotonic();
      }
      // Publish first: a flash that fails must not freeze the page.
      changed();
      if (deps.statusEvents.size > 0) deps.statusEvents.publish(status());
      if (sampler.ledger().cycleStart !== cycleBefore) await deps.flush('rollover');
      else if (counted) await deps.flush('changed');
    },
    usage() {
      const ledger = sampler.ledger();
      const cycle = sampler.cycle();
      const state = planState(plan(), cycle, ledger);
      return { ledger, cycle, state, used: usedBytes(ledger) };
    },
    async addTopup(bytes: number, by: string) {
      const topup = { id: randomBytes(6).toString('base64url'), bytes, at: ports.clock.now(), by };
      const p = plan();
      // Prepaid: each top-up makes the funds valid cycle_days from its date (a lapsed period ends here).
      const valid = (ledger: Ledger) => (p.cycle === 'prepaid' ? extendValidity(ledger, topup.at, validityEnd(topup.at, p.cycle_days, p.timezone)) : ledger);
      await changeLedger((ledger) => addTopup(valid(ledger), topup), 'topup');
      deps.log(`plan: top-up of ${bytes} bytes added by ${by}`);
      return topup;
    },
    /**
     * The operator's balance reply named the validity (an expiry date or days left):
     * on a prepaid plan its word wins over our count of cycle_days.
     */
    async operatorValidity(reply: { expiry: string | null; days: number | null }) {
      const p = plan();
      if (p.cycle !== 'prepaid') return;
      const now = ports.clock.now();
      const end = operatorValidityEnd(reply, now, p.timezone);
      if (end === null || end === sampler.ledger().cycleEnd) return;
      await changeLedger((ledger) => extendValidity(ledger, now, end), 'topup');
      deps.log(`plan: the operator says validity runs until ${new Date(end).toISOString()}`);
    },
    /**
     * Bytes the device moved for itself (the updater's downloads): already in the
     * WAN total, and counted apart under OWN_DEVICE so they are not laid on a client.
     * In memory only: the tick's own flush saves it (a write here would race the tick's).
     */
    addOwnUsage(bytes: number) {
      sampler.update((ledger) => addDeviceUsage(ledger, { [OWN_DEVICE]: { down: bytes, up: 0 } }));
    },
    async correct(operatorBytes: number, by: string) {
      await changeLedger((ledger) => correctTo(ledger, operatorBytes, ports.clock.now(), by), 'policy');
    },
    /** The WAN came back up (hotplug, SIGUSR1): put the plan's state back now; nothing to save. */
    async reapply(): Promise<void> {
      await enforce(true);
      changed();
    },
    /** After the plan changed in UCI: re-decide at once and save, in the device's queue. */
    planChanged(): Promise<void> {
      return serial(applyPlanChange);
    },
    /** The same, for a caller already in the device's queue (a reload). */
    applyPlanChange,
    /** Runs `work` in the device's queue of state changes. */
    serial,
  };
}

export type Runtime = ReturnType<typeof createRuntime>;
