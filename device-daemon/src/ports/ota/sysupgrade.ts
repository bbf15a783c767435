// sysupgrade on the device. -T runs the image checks only (fwtool metadata:
// the board must be among supported_devices). The flash itself keeps the
// configuration (the default): never -n (wipe settings) and never -F (flash an
// image that failed its checks).
import { readFile } from 'node:fs/promises';
import type { CommandRunner } from '../types.ts';
import type { FirmwarePort } from './types.ts';

/** DISTRIB_RELEASE from /etc/openwrt_release (shell variable lines). */
export function openwrtRelease(text: string): string {
  return /^DISTRIB_RELEASE='?([^'\n]*)'?$/m.exec(text)?.[1] ?? 'unknown';
}

export function sysupgradeFirmware(runner: CommandRunner): FirmwarePort {
  return {
    async running() {
      const release = openwrtRelease(await readFile('/etc/openwrt_release', 'utf8'));
      const board = (await readFile('/tmp/sysinfo/board_name', 'utf8')).trim();
      return { version: release, board };
    },
    test(file) {
      return runner.run(['sysupgrade', '-T', file], { timeoutMs: 120_000, okCodes: [0, 1] });
    },
    async flash(file) {
      await runner.run(['sysupgrade', file], { timeoutMs: 600_000 });
    },
  };
}
