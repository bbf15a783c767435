// Sizes in the config: plain bytes; "GB"/"MB" (and kB, TB) are powers of ten, as
// most contracts mean "20 GB"; "GiB"/"MiB" and the bare "G"/"M" of older configs
// are powers of two ("20G" = 20 * 1024^3), so existing configs keep their meaning.

/** The family a size was written in: powers of ten ("GB") or of two ("GiB"). */
export type SizeUnits = 'GB' | 'GiB';

const POWER: Record<string, number> = { '': 0, K: 1, M: 2, G: 3, T: 4 };

function read(text: string): { bytes: number; units: SizeUnits | null } | null {
  const match = /^(\d+(?:\.\d+)?)\s*(?:([KMGT])(i?B)?)?$/i.exec(text.trim());
  if (!match) return null;
  const prefix = (match[2] ?? '').toUpperCase();
  const suffix = match[3] ?? '';
  // "B" alone after the prefix (GB, MB) is decimal; "iB" or nothing (G, M) is binary.
  const units: SizeUnits | null = prefix === '' ? null : suffix.toUpperCase() === 'B' ? 'GB' : 'GiB';
  const base = units === 'GB' ? 1000 : 1024;
  const bytes = Math.round(Number(match[1]) * base ** POWER[prefix]!);
  return Number.isSafeInteger(bytes) ? { bytes, units } : null;
}

/** Parses "512M", "20G", "20GB", "20GiB", "1.5G", "1048576"; returns null for anything else. */
export function parseSize(text: string): number | null {
  return read(text)?.bytes ?? null;
}

/** The unit family of a written size; null for plain bytes, which have none. */
export function sizeUnits(text: string): SizeUnits | null {
  return read(text)?.units ?? null;
}

/**
 * The shortest exact form of a byte count in `units` ("20GB", "512MiB", "1.5GB");
 * without units, the bare binary suffixes ("20G"). Plain bytes when nothing shorter reads back exactly.
 */
export function formatSize(bytes: number, units?: SizeUnits): string {
  const base = units === 'GB' ? 1000 : 1024;
  const tail = units === 'GB' ? 'B' : units === 'GiB' ? 'iB' : '';
  const prefixes = (['T', 'G', 'M', 'K'] as const).filter((p) => bytes >= base ** POWER[p]!);
  const written = (prefix: string, n: number) => `${n}${units === 'GB' && prefix === 'K' ? 'k' : prefix}${tail}`;
  for (const prefix of prefixes) {
    const size = base ** POWER[prefix]!;
    if (bytes % size === 0) return written(prefix, bytes / size);
  }
  // With a unit family to keep, a fraction of the largest unit that reads back exactly.
  const largest = prefixes[0];
  if (units && largest) {
    const text = written(largest, bytes / base ** POWER[largest]!);
    if (parseSize(text) === bytes) return text;
  }
  return String(bytes);
}
