// Builds the ports for --platform: sim (everything simulated), linux (the kernel
// ports real, device-only ports simulated), openwrt (everything real).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform } from './cli.ts';
import { simAccounting } from './ports/accounting/sim.ts';
import { systemClock } from './ports/clock/system.ts';
import { linuxCounters } from './ports/counters/linux.ts';
import { simCounters } from './ports/counters/sim.ts';
import { simFirewall } from './ports/firewall/sim.ts';
import { simModem } from './ports/modem/sim.ts';
import { createRunner } from './ports/runner.ts';
import { simShaper } from './ports/shaper/sim.ts';
import { SimDevice } from './ports/sim/device.ts';
import { SEED_FIREWALL } from './ports/sim/seed-firewall.ts';
import { SEED_WIRELESS } from './ports/sim/seed-wireless.ts';
import { openwrtSystem } from './ports/system/openwrt.ts';
import { simSystem } from './ports/system/sim.ts';
import type { CommandRunner, Ports, UciPort } from './ports/types.ts';
import { nftAccounting } from './ports/accounting/nft.ts';
import { nftFirewall } from './ports/firewall/nft.ts';
import { tcShaper } from './ports/shaper/tc.ts';
import { cliUci } from './ports/uci/cli.ts';
import { simUci } from './ports/uci/sim.ts';
import { uciWifi } from './ports/wifi/uci-wifi.ts';

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
};

export function createPlatform(options: PlatformOptions): PlatformParts {
  const runner = createRunner();
  if (options.platform === 'openwrt') {
    const uci = cliUci(runner);
    return {
      uci,
      sim: null,
      ports: ({ wan, lan }) => ({
        ...kernelPorts(runner, wan, lan),
        // ModemManager is the next piece; until then the simulated modem stands in and says so.
        modem: modemStandIn(options),
        uci,
        wifi: uciWifi(uci, async () => void (await runner.run(['wifi', 'reload']))),
        system: openwrtSystem(runner),
        clock: systemClock(() => existsSync(NTP_SYNCED_FLAG)),
      }),
    };
  }
  const seedText = readFileSync(options.configFile, 'utf8');
  const uci = simUci(join(options.stateDir, 'sim', 'uci'), { [PACKAGE]: seedText, wireless: SEED_WIRELESS, firewall: SEED_FIREWALL });
  const device = new SimDevice({ monotonic: options.monotonic });
  return {
    uci,
    sim: device,
    ports: ({ wan, lan }) => {
      const kernel =
        options.platform === 'linux'
          ? kernelPorts(runner, wan, lan)
          : { counters: simCounters(device, wan), accounting: simAccounting(device), shaper: simShaper(device), firewall: simFirewall(device) };
      return {
        ...kernel,
        uci,
        wifi: uciWifi(uci, async () => {}),
        modem: simModem(device, () => null),
        system: simSystem(),
        clock: systemClock(),
      };
    },
  };
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

function modemStandIn(options: PlatformOptions) {
  options.log('platform: the modem is simulated on this build (ModemManager support is not in yet)');
  return simModem(new SimDevice({ monotonic: options.monotonic }), () => null);
}
