// Parsers for `tc -j` output (iproute2 6.x). Loose objects throughout: tc adds
// keys between versions (and with -s), and we read only the few we act on.
import * as v from 'valibot';
import { readable, readWith, Unreadable } from '../../core/unreadable.ts';

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

const LinkSchema = v.looseObject({ ifname: v.string(), mtu: v.number(), flags: v.optional(v.array(v.string())) });

export type Qdisc = v.InferOutput<typeof QdiscSchema>;
export type Link = v.InferOutput<typeof LinkSchema>;
export type TcFilter = v.InferOutput<typeof FilterSchema>;

function readJsonArray<T extends v.GenericSchema>(text: string, schema: T, what: string): v.InferOutput<T>[] | Unreadable {
  if (typeof text !== 'string') return new Unreadable(what, 'not text');
  // tc prints nothing at all (not "[]") for an empty filter list.
  if (text.trim() === '') return [];
  return readWith(v.array(schema), text, what);
}

/** `tc -j qdisc show [dev X]`, or an Unreadable saying where it stopped making sense. Never throws. */
export const readQdiscs = (text: string) => readJsonArray(text, QdiscSchema, 'tc -j qdisc show');
/** `tc -j filter show dev X parent P`. Never throws. */
export const readFilters = (text: string) => readJsonArray(text, FilterSchema, 'tc -j filter show');
/** `ip -j link show`: name, MTU and flags of each link. Never throws. */
export const readLinks = (text: string) => readJsonArray(text, LinkSchema, 'ip -j link show');

/** Parses `tc -j qdisc show [dev X]`; unreadable output is an Error naming where. */
export function parseQdiscs(text: string): Qdisc[] {
  return readable(readQdiscs(text));
}

/** Parses `tc -j filter show dev X parent P`. */
export function parseFilters(text: string): TcFilter[] {
  return readable(readFilters(text));
}

/** Parses `ip -j link show`; unreadable output is an Error naming where. */
export function parseLinks(text: string): Link[] {
  return readable(readLinks(text));
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
