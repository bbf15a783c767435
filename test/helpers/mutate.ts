// Seeded random variants of real captures, for property tests: the same seed
// gives the same inputs on every run, so a failure names the input that broke.

/** The simulator's seeded generator (mulberry32), numbers in [0, 1). */
import { seededRandom as seededRandomFor } from '../../device-daemon/src/ports/sim/random.ts';
export { seededRandomFor as seeded };

const PIECES = ['"', "'", '{', '}', '[', ']', ',', ':', '\\', '\n', '\t', ' ', '--', '(null)', '-67,00', '1e309', 'NaN', '0', '-', '.', '€', 'zł', 'ż', '😀', '\u0000', '\ufffd', '@', 'GB', '$', 'option', 'config'];

/** A text variant: cut short, or with pieces inserted, removed or replaced. */
export function mutateText(text: string, random: () => number): string {
  const at = () => Math.floor(random() * (text.length + 1));
  const piece = () => PIECES[Math.floor(random() * PIECES.length)]!;
  switch (Math.floor(random() * 5)) {
    case 0:
      return text.slice(0, at());
    case 1: {
      const i = at();
      return text.slice(0, i) + piece() + text.slice(i);
    }
    case 2: {
      const i = at();
      return text.slice(0, i) + text.slice(i + 1 + Math.floor(random() * 20));
    }
    case 3: {
      let out = text;
      for (let n = 0; n < 5; n++) {
        const i = Math.floor(random() * (out.length + 1));
        out = out.slice(0, i) + piece() + out.slice(i + 1);
      }
      return out;
    }
    default:
      return Array.from({ length: Math.floor(random() * 80) }, piece).join('');
  }
}

const randomValue = (random: () => number, depth = 0): unknown => {
  const kinds = [() => null, () => random() > 0.5, () => (random() - 0.5) * 1e6, () => mutateText('-92.00', random), () => '--', () => ({}), () => []];
  if (depth < 2) kinds.push(() => ({ [mutateText('state', random)]: randomValue(random, depth + 1) }), () => [randomValue(random, depth + 1)]);
  return kinds[Math.floor(random() * kinds.length)]!();
};

/** A JSON variant: one value somewhere in the tree replaced by a value of any type. */
export function mutateJson(json: unknown, random: () => number): unknown {
  if (json === null || typeof json !== 'object' || random() < 0.15) return randomValue(random);
  const copy: Record<string, unknown> = Array.isArray(json) ? ([...json] as unknown as Record<string, unknown>) : { ...(json as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (keys.length === 0) return randomValue(random);
  const key = keys[Math.floor(random() * keys.length)]!;
  if (random() < 0.1) delete copy[key];
  else copy[key] = mutateJson(copy[key], random);
  return copy;
}

const VARIANTS = 150;

/** Runs `check` on VARIANTS text (and, for JSON captures, JSON) variants of every capture; names the input that broke. */
export function everyVariant(captures: string[], seed: number, check: (input: unknown) => void) {
  const random = seededRandomFor(seed);
  for (const capture of captures) {
    let json: unknown = undefined;
    try {
      json = JSON.parse(capture);
    } catch {}
    for (let i = 0; i < VARIANTS; i++) {
      const input = json !== undefined && i % 2 ? mutateJson(json, random) : mutateText(capture, random);
      try {
        check(input);
      } catch (error) {
        throw new Error(`${(error as Error).message}\n  on input ${JSON.stringify(input).slice(0, 400)}`);
      }
    }
  }
}
