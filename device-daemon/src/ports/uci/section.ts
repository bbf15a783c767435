// Finding a section as `uci` does: by name, or by @type[index]. Used by what
// writes UCI (the simulator, uci batch), which loads on first use.
import type { UciPackage, UciSection } from '../types.ts';

/** A section by name, or by uci's extended syntax @type[index] (negative counts from the end). */
export function findSection(pkg: UciPackage, name: string): UciSection | undefined {
  const extended = /^@([A-Za-z0-9_-]+)\[(-?\d+)\]$/.exec(name);
  if (!extended) return pkg.sections.find((s) => s.name === name);
  return pkg.sections.filter((s) => s.type === extended[1]).at(Number(extended[2]));
}
