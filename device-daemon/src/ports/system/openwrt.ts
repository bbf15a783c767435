// reboot, factory reset, the system log and the connectivity probes on OpenWrt
// (procd, fstools, logd, BusyBox ping and nslookup), all through the runner.
import { readFile } from 'node:fs/promises';
import { userArg } from '../runner.ts';
import type { CommandRunner, SystemPort } from '../types.ts';
import { readFacts, type FactsOptions } from './facts.ts';

export function openwrtSystem(runner: CommandRunner, facts: FactsOptions): SystemPort {
  return {
    async reboot() {
      await runner.run(['reboot']);
    },
    async factoryReset() {
      // firstboot marks the overlay for wiping on the next boot; the reboot does it.
      await runner.run(['firstboot', '-y']);
      await runner.run(['reboot']);
    },
    async logs() {
      // The whole buffer: core/system-log.ts picks our lines and the modem's.
      const { stdout } = await runner.run(['logread'], { timeoutMs: 15_000 });
      return stdout.split('\n').filter(Boolean);
    },
    facts: () => readFacts(facts),
    async ping(target) {
      // ping exits 1 when nothing answered, 2 when the name did not resolve: both are results.
      const r = await runner.run(['ping', '-c', '3', '-W', '2', userArg(target, 'target')], { okCodes: [0, 1, 2], timeoutMs: 15_000 });
      return { ok: r.code === 0, output: r.stdout + r.stderr };
    },
    async dnsServers() {
      // netifd writes what each interface was given, as "nameserver X" lines.
      const text = await readFile('/tmp/resolv.conf.d/resolv.conf.auto', 'utf8').catch(() => '');
      return [...text.matchAll(/^nameserver\s+(\S+)/gm)].map((m) => m[1]!);
    },
    async lookup(name, server) {
      const r = await runner.run(['nslookup', userArg(name, 'name'), userArg(server, 'server')], { okCodes: [0, 1], timeoutMs: 15_000 });
      return { ok: r.code === 0, output: r.stdout + r.stderr };
    },
  };
}
