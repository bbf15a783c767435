// Sizes as the plan form shows and reads them, in the plan's unit family: "GB"/"MB" are
// powers of ten (as most contracts mean "20 GB"), "GiB"/"MiB" powers of two, and a bare
// "G"/"M" is binary, as in the config. A number alone is MB (or MiB) of the form's family.

export type Family = 'GB' | 'GiB';

/** The two units the form offers in each family: [small, big]. */
export const UNITS: Record<Family, [string, string]> = { GB: ['MB', 'GB'], GiB: ['MiB', 'GiB'] };

const base = (family: Family) => (family === 'GB' ? 1000 : 1024);
const POWER: Record<string, number> = { k: 1, m: 2, g: 3, t: 4 };

/** The family a unit the form offers belongs to ("GB" → GB, "MiB" → GiB). */
export const familyOf = (unit: string): Family => (unit.includes('i') ? 'GiB' : 'GB');

/** Bytes of `amount` of one of the form's units; NaN when the amount is not a number. */
export function unitBytes(amount: string, unit: string): number {
  const n = /^\d+(?:[.,]\d+)?$/.test(amount.trim()) ? Number(amount.trim().replace(',', '.')) : NaN;
  return Math.round(n * base(familyOf(unit)) ** (unit.startsWith('G') ? 3 : 2));
}

/** 20·10^9 in GB → ["20", "GB"]; 1.5·10^9 → ["1500", "MB"]; 512 MiB in GiB → ["512", "MiB"]. */
export function sizeParts(bytes: number, family: Family): [string, string] {
  const [small, big] = UNITS[family];
  const b = base(family);
  return bytes % b ** 3 === 0 ? [String(bytes / b ** 3), big] : [String(+(bytes / b ** 2).toFixed(3)), small];
}

/** "512 MB", "1 GiB" as the form writes a size. */
export const sizeText = (bytes: number, family: Family): string => sizeParts(bytes, family).join(' ');

/**
 * "512 MB", "1GB", "1,5 GiB", "512M", "512" (MB or MiB of `family`) → bytes and the family
 * the text was written in; null when it is not a size.
 */
export function readSize(text: string, family: Family): { bytes: number; family: Family } | null {
  const m = /^(\d+(?:[.,]\d+)?)\s*(?:([kmgt])(i?b)?)?$/i.exec(text.trim());
  if (!m) return null;
  // "B" alone after the prefix is decimal; "iB" or nothing ("512M") is binary.
  const written: Family = !m[2] ? family : m[3]?.toLowerCase() === 'b' ? 'GB' : 'GiB';
  const bytes = Math.round(Number(m[1]!.replace(',', '.')) * base(written) ** POWER[(m[2] ?? 'm').toLowerCase()]!);
  return bytes > 0 && Number.isSafeInteger(bytes) ? { bytes, family: written } : null;
}
