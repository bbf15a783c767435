// Interface byte counters from sysfs. No command to run: the kernel keeps them
// as files. /sys/class/net shows the network namespace sysfs was mounted in,
// which `ip netns exec` remounts, so a reader started that way sees that namespace.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CountersPort, InterfaceCounters } from '../types.ts';

/**
 * Whether `name` is a name the kernel accepts for a network interface
 * (net/core/dev.c dev_valid_name): 1 to 15 bytes, not '.' or '..', no '/',
 * ':' or whitespace. Anything else could make a config value reach outside sysfs.
 */
export function isInterfaceName(name: string): boolean {
  return (
    name !== '.' &&
    name !== '..' &&
    Buffer.byteLength(name) >= 1 &&
    Buffer.byteLength(name) <= 15 &&
    !/[/:\s\0]/.test(name)
  );
}

function missingFile(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENODEV';
}

async function readCount(path: string): Promise<number> {
  const text = (await readFile(path, 'utf8')).trim();
  if (!/^\d+$/.test(text)) throw new Error(`${path}: not a counter: ${JSON.stringify(text)}`);
  return Number(text);
}

/**
 * The real CountersPort. `read` returns null when the interface does not
 * exist, and throws a RangeError for a name no interface can have.
 */
export function linuxCounters({ root = '/sys/class/net', bootIdFile = '/proc/sys/kernel/random/boot_id' }: { root?: string; bootIdFile?: string } = {}): CountersPort {
  // The boot id cannot change while this process lives: read it once.
  let bootId: Promise<string | null> | null = null;
  const boot = () =>
    (bootId ??= readFile(bootIdFile, 'utf8').then(
      (text) => (/^[0-9a-f-]{16,64}$/i.test(text.trim()) ? text.trim() : null),
      () => null,
    ));
  async function once(device: string): Promise<{ before: number; after: number; counters: InterfaceCounters }> {
    const dir = join(root, device);
    const before = await readCount(join(dir, 'ifindex'));
    const [rxBytes, txBytes] = await Promise.all([
      readCount(join(dir, 'statistics/rx_bytes')),
      readCount(join(dir, 'statistics/tx_bytes')),
    ]);
    const after = await readCount(join(dir, 'ifindex'));
    return { before, after, counters: { bootId: await boot(), ifindex: after, rxBytes, txBytes } };
  }

  return {
    async read(device) {
      if (!isInterfaceName(device)) throw new RangeError(`not an interface name: ${JSON.stringify(device)}`);
      // The ifindex is read on both sides of the counters: if the modem's
      // interface was re-created in between, the counters could belong to the
      // new interface under the old ifindex, and a reset would look like a drop.
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          const { before, after, counters } = await once(device);
          if (before === after) return counters;
        } catch (error) {
          if (missingFile(error)) return null;
          throw error;
        }
      }
      throw new Error(`${device}: interface keeps being re-created; counters not read`);
    },
  };
}
