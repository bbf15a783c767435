// The device's facts that plain Linux reports the same way everywhere: uptime,
// the WAN address, free space where the state lives; plus the versions.
import { statfs, readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import type { SystemFacts } from '../types.ts';
import { readVersions, type VersionFiles } from './versions.ts';

export type FactsOptions = { wanDevice: string; stateDir: string; files?: VersionFiles };

export async function readFacts(options: FactsOptions): Promise<SystemFacts> {
  const uptime = await readFile('/proc/uptime', 'utf8').then((t) => Math.floor(Number(t.split(' ')[0])), () => null);
  const free = await statfs(options.stateDir).then((s) => s.bavail * s.bsize, () => null);
  const addresses = networkInterfaces()[options.wanDevice] ?? [];
  const wan = addresses.find((a) => a.family === 'IPv4') ?? addresses.find((a) => !a.address.startsWith('fe80'));
  return { ...(await readVersions(options.files)), uptimeSeconds: Number.isFinite(uptime) ? uptime : null, wanAddress: wan?.address ?? null, freeBytes: free };
}
