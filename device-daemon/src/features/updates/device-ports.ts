// The updater's ports for each platform: opkg and sysupgrade on OpenWrt, the
// stand-ins elsewhere (state under STATE-DIR/sim/). Loaded with the updater.
import { join } from 'node:path';
import { createRunner } from '../../ports/runner.ts';
import type { FirmwarePort, PackagePort } from '../../ports/ota/types.ts';

/** The package version the simulated device starts with (openwrt/Makefile's PKG_VERSION-PKG_RELEASE). */
export const SIM_PACKAGE_VERSION = '0.1.0-2';

/** The board and firmware version of the simulated device. */
export const SIM_FIRMWARE = { version: '24.10.0', board: 'sim,lte-modem' };

export async function updatePorts(platform: 'sim' | 'linux' | 'openwrt', stateDir: string, pkg: { name: string; version: string }): Promise<{ packages: PackagePort; firmware: FirmwarePort }> {
  if (platform === 'openwrt') {
    const runner = createRunner();
    const { opkgPackages } = await import('../../ports/ota/opkg.ts');
    const { sysupgradeFirmware } = await import('../../ports/ota/sysupgrade.ts');
    return { packages: opkgPackages(runner, pkg.name), firmware: sysupgradeFirmware(runner) };
  }
  const { simOpkg } = await import('../../ports/ota/opkg-sim.ts');
  const { simSysupgrade } = await import('../../ports/ota/sysupgrade-sim.ts');
  return { packages: simOpkg(join(stateDir, 'sim', 'opkg'), pkg), firmware: simSysupgrade(join(stateDir, 'sim', 'sysupgrade.json'), SIM_FIRMWARE) };
}
