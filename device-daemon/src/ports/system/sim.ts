import type { SystemPort } from '../types.ts';

/** Records what would have been done to the device, for the UI and tests to see. */
export function simSystem(log: string[] = []): SystemPort & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async reboot() {
      calls.push('reboot');
    },
    async factoryReset() {
      calls.push('factory-reset');
    },
    async logs() {
      return [...log];
    },
  };
}
