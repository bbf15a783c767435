// Parsers for `tc -j` output (iproute2 6.x). Loose objects throughout: tc adds
// keys between versions (and with -s), and we read only the few we act on.
import * as v from 'valibot';
import { parseOutput } from '../parse-output.ts';

const QdiscSchema = v.looseObject({
  kind: v.string(),
  handle: v.string(),
  /** Present when the dump covers all devices (`tc -j qdisc show`), absent with `dev X`. */
  dev: v.optional(v.string()),
  root: v.optional(v.boolean()),
  parent: v.optional(v.string()),
  options: v.optional(
    v.looseObject({
      /** tbf/htb rates are in bytes per second: 8000 is 64 kbit/s. */
      rate: v.optional(v.number()),
      burst: v.optional(v.number()),
      limit: v.optional(v.number()),
    }),
  ),
});

const ActionSchema = v.looseObject({
  kind: v.string(),
  mirred_action: v.optional(v.string()),
  direction: v.optional(v.string()),
  to_dev: v.optional(v.string()),
});

const FilterSchema = v.looseObject({
  kind: v.string(),
  protocol: v.optional(v.string()),
  pref: v.optional(v.number()),
  options: v.optional(v.looseObject({ actions: v.optional(v.array(ActionSchema)) })),
});

export type Qdisc = v.InferOutput<typeof QdiscSchema>;
export type TcFilter = v.InferOutput<typeof FilterSchema>;

function parseJsonArray<T extends v.GenericSchema>(text: string, schema: T, what: string): v.InferOutput<T>[] {
  // tc prints nothing at all (not "[]") for an empty filter list.
  if (text.trim() === '') return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${what}: not JSON: ${text.slice(0, 200)}`);
  }
  return parseOutput(v.array(schema), json, what);
}

/** Parses `tc -j qdisc show [dev X]`. */
export function parseQdiscs(text: string): Qdisc[] {
  return parseJsonArray(text, QdiscSchema, 'tc -j qdisc show');
}

/** Parses `tc -j filter show dev X parent P`. */
export function parseFilters(text: string): TcFilter[] {
  return parseJsonArray(text, FilterSchema, 'tc -j filter show');
}

/** The root qdisc among `qdiscs` (of one device). */
export function rootQdisc(qdiscs: readonly Qdisc[]): Qdisc | undefined {
  return qdiscs.find((q) => q.root === true);
}

/** The ingress qdisc among `qdiscs` (of one device). */
export function ingressQdisc(qdiscs: readonly Qdisc[]): Qdisc | undefined {
  return qdiscs.find((q) => q.kind === 'ingress');
}

/** Whether one of `filters` redirects every packet to the egress of `ifb`. */
export function redirectsTo(filters: readonly TcFilter[], ifb: string): boolean {
  return filters.some((f) =>
    (f.options?.actions ?? []).some(
      (a) => a.kind === 'mirred' && a.mirred_action === 'redirect' && a.direction === 'egress' && a.to_dev === ifb,
    ),
  );
}

/** kbit/s (1000 bit) from a tc rate in bytes per second. */
export function kbitOf(bytesPerSecond: number): number {
  return (bytesPerSecond * 8) / 1000;
}
