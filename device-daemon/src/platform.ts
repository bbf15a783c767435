// Builds the ports for --platform: openwrt (everything real), linux (the kernel
// ports real, device-only ports simulated), sim (everything simulated). The
// simulator is a separate file loaded only for sim and linux.
import { existsSync } from 'node:fs';
import type { Platform } from './cli.ts';
import { nftAccounting } from './ports/accounting/nft.ts';
import { systemClock } from './ports/clock/system.ts';
import { linuxCounters } from './ports/counters/linux.ts';
import { nftFirewall } from './ports/firewall/nft.ts';
import { mmcliModem } from './ports/modem/mmcli.ts';
import { createRunner } from './ports/runner.ts';
import { tcShaper } from './ports/shaper/tc.ts';
import type { SimDevice } from './ports/sim/device.ts';
import type { CommandRunner, Ports, UciPort } from './ports/types.ts';
import { cliUci } from './ports/uci/cli.ts';
import { openwrtLan } from './ports/wifi/lan.ts';
import { openwrtSystem } from './ports/system/openwrt.ts';
import { uciWireless } from './ports/wifi/wireless.ts';

export const PACKAGE = 'modem-admin';

/** Touched by the ntp hotplug script once sysntpd reports a synced stratum. */
export const NTP_SYNCED_FLAG = '/var/run/modem-admin/ntp-synced';

export type PlatformOptions = {
  platform: Platform;
  configFile: string;
  stateDir: string;
  monotonic: () => number;
  log: (line: string) => void;
};

export type PlatformParts = {
  /** UCI, for our own package and for wireless/network. */
  uci: UciPort;
  ports: (devices: { wan: string; lan: string }) => Ports;
  /** The simulated device, to drive from tests and the console (sim and linux only). */
  sim: SimDevice | null;
  /** Where the daemon's log lines also go (the simulated system log); the router's logd has them already. */
  logTap?: (line: string) => void;
};

// Set by build/daemon.ts to the simulator bundle's file name; unset when run from source.
declare const SIM_BUNDLE: string | undefined;

async function loadSimulator(): Promise<typeof import('./sim-platform.ts')> {
  const module = typeof SIM_BUNDLE === 'string' ? SIM_BUNDLE : './sim-platform.ts';
  try {
    return (await import(module)) as typeof import('./sim-platform.ts');
  } catch (error) {
    throw new Error(`the simulator (${module}) is not installed with this daemon: ${(error as Error).message}`);
  }
}

/** The plain-Linux ports: they run for real on any Linux box as root. */
function kernelPorts(runner: CommandRunner, wan: string, lan: string) {
  return {
    counters: linuxCounters(),
    accounting: nftAccounting({ runner, lanDevice: lan, wanDevice: wan }),
    shaper: tcShaper({ runner, wanDevice: wan }),
    firewall: nftFirewall({ runner, wanDevice: wan }),
  };
}

export async function createPlatform(options: PlatformOptions): Promise<PlatformParts> {
  const runner = createRunner();
  if (options.platform !== 'openwrt') {
    const { createSimPlatform } = await loadSimulator();
    const kernel = options.platform === 'linux' ? ({ wan, lan }: { wan: string; lan: string }) => kernelPorts(runner, wan, lan) : null;
    return createSimPlatform({ ...options, package: PACKAGE }, kernel);
  }
  const uci = cliUci(runner);
  const wireless = uciWireless(uci, async () => void (await runner.run(['wifi', 'reload'], { timeoutMs: 30_000 })));
  return {
    uci,
    sim: null,
    ports: ({ wan, lan }) => ({
      ...kernelPorts(runner, wan, lan),
      modem: mmcliModem(runner),
      uci,
      wireless,
      lan: openwrtLan({ runner, lanDevice: lan }),
      system: openwrtSystem(runner, { wanDevice: wan, stateDir: options.stateDir }),
      clock: systemClock(() => existsSync(NTP_SYNCED_FLAG)),
    }),
  };
}
