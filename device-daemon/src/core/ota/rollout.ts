// Staged rollout. Each device places itself by a hash of its own random id
// (made once, never sent) and the release's salt: a number in [0, 100). It is
// in the rollout when that number is below the release's percent, so raising
// the percent only ever adds devices, and a new salt draws a new sample.
import { sha256 } from './sha256.ts';

/** Where this device falls in a release's rollout, in [0, 100). */
export function rolloutPosition(deviceId: string, salt: string): number {
  const h = sha256(`${salt}\n${deviceId}`);
  const n = ((h[0]! << 24) | (h[1]! << 16) | (h[2]! << 8) | h[3]!) >>> 0;
  return (n / 2 ** 32) * 100;
}

export function inRollout(deviceId: string, rollout: { percent: number; salt: string }): boolean {
  return rolloutPosition(deviceId, rollout.salt) < rollout.percent;
}
