// Suites that need root, a Debian package or an emulator say why they skip on a
// laptop. Under CI (CI=true) nothing may skip: a missing requirement fails.
import { accessSync, constants, existsSync } from 'node:fs';
import { join } from 'node:path';

function have(command: string): boolean {
  const dirs = (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin']);
  return dirs.some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Returns null when every requirement is met, else the reason to skip.
 * Throws under CI, where skipping would hide a missing install step.
 */
export function missing(needs: { root?: boolean; commands?: string[]; files?: string[] }): string | null {
  const reasons: string[] = [];
  if (needs.root && process.getuid?.() !== 0) reasons.push('needs root (network namespaces)');
  for (const command of needs.commands ?? []) if (!have(command)) reasons.push(`needs ${command}`);
  for (const file of needs.files ?? []) if (!existsSync(file)) reasons.push(`needs ${file}`);
  if (reasons.length === 0) return null;
  const reason = reasons.join(', ');
  if (process.env.CI === 'true') throw new Error(`CI cannot skip: ${reason}`);
  return reason;
}
