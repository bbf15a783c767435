// The simulated device for --platform sim (and the device-only ports of
// --platform linux). Built as its own file, dist/sim.mjs, loaded only when asked
// for: the router never runs it, so it does not count against the daemon bundle.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlatformOptions, PlatformParts } from './platform.ts';
import { simControl } from './ports/sim/control.ts';
import { SimDevice } from './ports/sim/device.ts';
import { simPorts } from './ports/sim/ports.ts';
import { SEED_FIREWALL } from './ports/sim/seed-firewall.ts';
import { SEED_WIRELESS } from './ports/sim/seed-wireless.ts';
import { SEED_NETWORK } from './ports/sim/seed-network.ts';
import { readConfig } from './core/config.ts';
import { controlField } from './core/release-file.ts';
import { OPKG_INFO } from './ports/ota/ipk-repack.ts';
import { simOpkgRoot, simSysupgradeFile } from './ports/ota/sim-roots.ts';
import type { ModemPort, Ports } from './ports/types.ts';
import { simUci } from './ports/uci/sim.ts';
import { simSystem } from './ports/system/sim.ts';

type KernelPorts = Pick<Ports, 'counters' | 'accounting' | 'shaper' | 'firewall'>;

/**
 * The simulated device. `kernel`, when given (--platform linux), supplies the real
 * counters, accounting, shaper and firewall; everything else is simulated.
 */
export function createSimPlatform(
  options: PlatformOptions & { package: string },
  kernel: ((devices: { wan: string; lan: string }) => KernelPorts) | null,
): PlatformParts {
  const seedText = readFileSync(options.configFile, 'utf8');
  const uci = simUci(join(options.stateDir, 'sim', 'uci'), { [options.package]: seedText, wireless: SEED_WIRELESS, firewall: SEED_FIREWALL, network: SEED_NETWORK });
  const device = new SimDevice({ monotonic: options.monotonic });
  const control = simControl(join(options.stateDir, 'sim', 'control.json'), device, options.log);
  const system = simSystem({
    device,
    freeBytes: () => statfs(options.stateDir).then((s) => s.bavail * s.bsize, () => null),
    // What the opkg stand-in (features/updates/device-ports.ts) has installed, as the router reads opkg's record.
    packageVersion: () => readFile(join(simOpkgRoot(options.stateDir), OPKG_INFO, `${options.package}.control`), 'utf8').then((t) => controlField(t, 'Version'), () => null),
    firmwareVersion: () => readFile(simSysupgradeFile(options.stateDir), 'utf8').then((t) => String((JSON.parse(t) as { version: unknown }).version), () => null),
  });
  mkdirSync(join(options.stateDir, 'sim'), { recursive: true });
  return {
    uci,
    sim: device,
    logTap: (line) => system.record(`node[${process.pid}]`, line),
    ports: (devices) => {
      const sim = simPorts(device, uci, {
        wan: devices.wan,
        now: Date.now,
        plan: async () => {
          const { cap, units } = readConfig(await uci.show(options.package)).plan;
          return { cap: typeof cap === 'number' ? cap : null, units };
        },
        system,
      });
      return { ...sim, ...(kernel ? kernel(devices) : {}), modem: controlled(control.apply, sim.modem, join(options.stateDir, 'sim', 'modem-reads')), clock: control.clock };
    },
  };
}

/**
 * The modem with the control file applied before each reading and each action.
 * Each status reading is counted in STATE-DIR/sim/modem-reads (on the router
 * each spawns mmcli), so tests from outside can see how often the daemon asks.
 */
function controlled(control: () => void, modem: ModemPort, countFile: string): ModemPort {
  let reads = 0;
  const wrapped = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(modem) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    wrapped[name] = async (...args: unknown[]) => (control(), method(...args));
  }
  const status = wrapped.status as () => Promise<unknown>;
  wrapped.status = () => {
    try {
      writeFileSync(countFile, String(++reads));
    } catch {
      // A read-only or full state dir (a test of a broken flash): the count is only for tests.
    }
    return status();
  };
  return wrapped as unknown as ModemPort;
}
