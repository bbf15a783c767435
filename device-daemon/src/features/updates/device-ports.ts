// The updater's ports for each platform: opkg and sysupgrade on OpenWrt, the
// stand-ins elsewhere (state under STATE-DIR/sim/). Loaded with the updater.
import { createRunner } from '../../ports/runner.ts';
import { simOpkgRoot, simSysupgradeFile } from '../../ports/ota/sim-roots.ts';
import type { FirmwarePort, PackagePort } from '../../ports/ota/types.ts';
import { BUILD_VERSION } from '../../ports/system/versions.ts';

/**
 * The package version the simulated device's opkg starts with: the build's own
 * (package.json's version and openwrt/Makefile's PKG_RELEASE, set by
 * build/daemon.ts). From there the stand-in's status says what is installed.
 * Unbuilt, run from source: older than any release.
 */
export const SIM_PACKAGE_VERSION = BUILD_VERSION ?? '0.0.0-0';

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
  const sysupgrade = simSysupgrade(simSysupgradeFile(stateDir), SIM_FIRMWARE);
  // Each start of the simulated device is a boot: an image flashed before it runs now.
  sysupgrade.boot();
  const firmware: FirmwarePort = {
    ...sysupgrade,
    // A router reboots into the new image and starts the daemon again; the
    // simulated one reboots in no time, and this daemon carries on as that one.
    async flash(file) {
      await sysupgrade.flash(file);
      sysupgrade.boot();
    },
  };
  return { packages: simOpkg(simOpkgRoot(stateDir), pkg), firmware };
}
