// What the system routes do: the device's facts and the daemon's health, restart
// and factory reset (after the reply is out and the state is on flash), the
// configuration backup and its all-or-nothing restore, the filtered system log,
// and the connectivity check.
import { checkBackup, makeBackup, restoreCommands, type Problem } from '../../core/config-backup.ts';
import { lookupStep, pingStep, type CheckStep } from '../../core/connectivity.ts';
import { targetKind } from '../../core/host-target.ts';
import { filterLog } from '../../core/system-log.ts';
import type { SystemPort, UciPort } from '../../ports/types.ts';

export type SystemDeps = {
  system: SystemPort;
  uci: UciPort;
  pkg: string;
  now: () => number;
  /** Wall time of the last state write to flash, or null when none since start. */
  lastFlashWrite: () => number | null;
  /** Saves the state to flash now (before a restart). */
  flush: () => Promise<void>;
  /** Re-reads the configuration after a restore (the daemon's SIGHUP path). */
  reload: () => Promise<void>;
  /** The device's one queue of state changes: a restore's UCI writes take a turn in it. */
  serial?: <R>(work: () => Promise<R>) => Promise<R>;
  /** Runs the restart after the reply went out (tests run it at once). */
  later?: (work: () => Promise<void>) => void;
  log: (line: string) => void;
};

export class RestoreRefused extends Error {
  constructor(readonly problems: Problem[]) {
    super(`the backup was not restored: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`);
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

export function createSystemService(deps: SystemDeps) {
  const serial = deps.serial ?? (<R>(work: () => Promise<R>) => work());
  const later = deps.later ?? ((work) => void setTimeout(() => void work().catch((e: Error) => deps.log(`system: ${e.message}`)), 1000));

  async function modemInterface(): Promise<string | null> {
    const network = await deps.uci.show('network').catch(() => null);
    return network?.sections.find((s) => s.type === 'interface' && s.options.proto === 'modemmanager')?.name ?? null;
  }

  /** The configured host to reach (`connectivity.host`), when valid. */
  async function configuredHost(): Promise<string | null> {
    const pkg = await deps.uci.show(deps.pkg);
    const host = pkg.sections.find((s) => s.type === 'connectivity')?.options.host;
    return typeof host === 'string' && targetKind(host) ? host : null;
  }

  return {
    async facts(installer: boolean) {
      const facts = await deps.system.facts();
      const { freeBytes, ...shown } = facts;
      if (!installer) return { ...shown, health: null };
      const last = deps.lastFlashWrite();
      return { ...shown, health: { lastFlashWrite: last === null ? null : iso(last), freeBytes } };
    },
    async restart(what: 'reboot' | 'factory-reset') {
      await deps.flush();
      deps.log(`system: ${what} requested`);
      later(() => (what === 'reboot' ? deps.system.reboot() : deps.system.factoryReset()));
    },
    async backup() {
      const facts = await deps.system.facts();
      return makeBackup(await deps.uci.show(deps.pkg), iso(deps.now()), { model: facts.model, packageVersion: facts.packageVersion });
    },
    /** Checks the whole file first; writes nothing unless every check passes. */
    async restore(input: unknown) {
      const { problems, pkg } = checkBackup(input, deps.pkg);
      if (!pkg) throw new RestoreRefused(problems);
      await serial(async () => deps.uci.batch(deps.pkg, restoreCommands(await deps.uci.show(deps.pkg), pkg)));
      // After the queue's turn: the reload takes one of its own.
      await deps.reload();
      return { sections: pkg.sections.length };
    },
    async logs() {
      return filterLog(await deps.system.logs(), { modemInterface: await modemInterface() });
    },
    /** The operator's DNS asked for the configured host, then the host (and `extra`) pinged. */
    async check(extra?: string): Promise<{ at: string; host: string | null; steps: CheckStep[]; ok: boolean }> {
      const host = await configuredHost();
      const steps: CheckStep[] = [];
      const servers = (await deps.system.dnsServers()).filter((s) => targetKind(s) && targetKind(s) !== 'name').slice(0, 2);
      if (servers.length === 0) steps.push({ kind: 'dns', target: 'operator DNS', ok: false, summary: 'the operator gave no DNS server (is the mobile connection up?)', detail: null });
      for (const server of servers) {
        if (host) steps.push(lookupStep(host, server, (await deps.system.lookup(host, server)).output));
        else steps.push(pingStep(server, (await deps.system.ping(server)).output));
      }
      for (const target of [host, extra]) if (target) steps.push(pingStep(target, (await deps.system.ping(target)).output));
      return { at: iso(deps.now()), host, steps, ok: steps.every((s) => s.ok) };
    },
  };
}

export type SystemService = ReturnType<typeof createSystemService>;
