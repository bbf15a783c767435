// What the updater asks of the device: opkg for our own package, sysupgrade
// for firmware, each with a real implementation and a stateful stand-in.
import type { CommandResult } from '../types.ts';

export interface PackagePort {
  /** The package's version when opkg's status says it is fully installed, and its state. */
  status(name: string): Promise<{ version: string; state: string } | null>;
  /** `opkg install FILE`. Its exit code is not the verdict: read status() after. */
  install(file: string, options?: { forceDowngrade?: boolean }): Promise<CommandResult>;
  /** Restarts the daemon's service so the installed code runs. */
  restartService(): Promise<void>;
  /** The .ipk of the installed `name`, rebuilt from opkg's records and the installed files (ipk-repack.ts). */
  repack(name: string): Promise<Buffer>;
}

export interface FirmwarePort {
  /** The running firmware's version and the board name sysupgrade checks images against. */
  running(): Promise<{ version: string; board: string }>;
  /** `sysupgrade -T FILE`: the image's own checks (metadata, board), nothing flashed. */
  test(file: string): Promise<CommandResult>;
  /** `sysupgrade FILE`: keeps the configuration; never -n (wipe) or -F (force). Does not return on a device. */
  flash(file: string): Promise<void>;
}
