import type { CommandRunner, SystemPort } from '../types.ts';

/** reboot, factory reset and the system log on OpenWrt (procd, fstools, logd). */
export function openwrtSystem(runner: CommandRunner): SystemPort {
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
      const { stdout } = await runner.run(['logread', '-e', 'modem-admin'], { okCodes: [0, 1] });
      return stdout.split('\n').filter(Boolean).slice(-500);
    },
  };
}
