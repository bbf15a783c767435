// Parsing `nft -j list ...` output (nftables 1.0.x, JSON schema 1) and the
// small checks the nft ports share. Loose objects: nft adds keys over versions.
import * as v from 'valibot';
import { readable, readWith, Unreadable } from '../../core/unreadable.ts';
import { CommandError } from '../runner.ts';
import type { CommandRunner } from '../types.ts';

const ListingSchema = v.looseObject({ nftables: v.array(v.looseObject({})) });

const ChainSchema = v.looseObject({
  family: v.string(),
  table: v.string(),
  name: v.string(),
  hook: v.optional(v.string()),
  prio: v.optional(v.number()),
  policy: v.optional(v.string()),
});

const RuleSchema = v.looseObject({
  family: v.string(),
  table: v.string(),
  chain: v.string(),
  comment: v.optional(v.string()),
  expr: v.array(v.looseObject({})),
});

const ElemSchema = v.looseObject({
  val: v.unknown(),
  counter: v.optional(v.looseObject({ packets: v.number(), bytes: v.number() })),
});

const SetSchema = v.looseObject({
  family: v.string(),
  table: v.string(),
  name: v.string(),
  type: v.union([v.string(), v.array(v.string())]),
  /** Each element is either a bare value or `{ elem: { val, counter } }` when it carries a counter. */
  elem: v.optional(v.array(v.unknown())),
});

export type NftChain = v.InferOutput<typeof ChainSchema>;
export type NftRule = v.InferOutput<typeof RuleSchema>;
export type NftSet = v.InferOutput<typeof SetSchema>;
export type NftElem = v.InferOutput<typeof ElemSchema>;
export type NftListing = { tables: string[]; chains: NftChain[]; rules: NftRule[]; sets: NftSet[] };

/** `nft -j list table|ruleset`: tables, chains, rules and sets (other objects are skipped). Never throws. */
export function readNftListing(text: string): NftListing | Unreadable {
  const top = readWith(ListingSchema, typeof text === 'string' ? text : null, 'nft -j');
  if (top instanceof Unreadable) return top;
  const listing: NftListing = { tables: [], chains: [], rules: [], sets: [] };
  for (const item of top.nftables) {
    const one = <T extends v.GenericSchema>(schema: T, value: unknown, what: string) => readWith(schema, value ?? null, `nft -j (${what})`);
    const read =
      'table' in item ? one(v.looseObject({ name: v.string() }), item.table, 'table') : 'chain' in item ? one(ChainSchema, item.chain, 'chain') : 'rule' in item ? one(RuleSchema, item.rule, 'rule') : 'set' in item ? one(SetSchema, item.set, 'set') : null;
    if (read instanceof Unreadable) return read;
    if ('table' in item) listing.tables.push((read as { name: string }).name);
    else if ('chain' in item) listing.chains.push(read as NftChain);
    else if ('rule' in item) listing.rules.push(read as NftRule);
    else if ('set' in item) listing.sets.push(read as NftSet);
  }
  return listing;
}

/** Parses `nft -j list table|ruleset`; unreadable output is an Error naming where. */
export function parseNftListing(text: string): NftListing {
  return readable(readNftListing(text));
}

type Element = { val: unknown; bytes: number; packets: number };

/** The elements of a set, with their counters (bytes 0 when the element has none). Never throws. */
export function readSetElements(set: NftSet): Element[] | Unreadable {
  const out: Element[] = [];
  for (const raw of set.elem ?? []) {
    if (typeof raw === 'object' && raw !== null && 'elem' in raw) {
      const elem = readWith(ElemSchema, raw.elem ?? null, 'nft -j (set element)');
      if (elem instanceof Unreadable) return elem;
      out.push({ val: elem.val, bytes: elem.counter?.bytes ?? 0, packets: elem.counter?.packets ?? 0 });
    } else out.push({ val: raw, bytes: 0, packets: 0 });
  }
  return out;
}

/** The elements of a set; an unreadable element is an Error naming where. */
export const setElements = (set: NftSet): Element[] => readable(readSetElements(set));

/** `nft -j list table inet NAME`, or null when that table does not exist. */
export async function listTable(runner: CommandRunner, table: string): Promise<NftListing | null> {
  const argv = ['nft', '-j', 'list', 'table', 'inet', table];
  const result = await runner.run(argv, { okCodes: [0, 1] });
  if (result.code === 0) return parseNftListing(result.stdout);
  if (/No such file or directory/.test(result.stderr)) return null;
  throw new CommandError(argv, { kind: 'exit', code: result.code }, result.stdout, result.stderr);
}

/** Throws unless `name` can be written into an nft script as a table name. */
export function nftTableName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) throw new RangeError(`not an nft table name: ${JSON.stringify(name)}`);
  return name;
}

/**
 * Throws unless `name` is an interface name that is safe inside a quoted nft
 * string. Stricter than the kernel (no quotes, backslashes or spaces), which
 * every OpenWrt interface name (wwan0, br-lan, eth0.2, wlan0-1) satisfies.
 */
export function nftDeviceName(name: string): string {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}$/.test(name)) throw new RangeError(`not a usable interface name: ${JSON.stringify(name)}`);
  return name;
}

/** The ruleset text that atomically replaces (or with no body, removes) table inet NAME. */
export function replaceTableScript(table: string, body: string | null): string {
  // Declaring the table first makes the delete valid when it does not exist;
  // nft -f applies the whole script as one transaction.
  const lines = [`table inet ${table}`, `delete table inet ${table}`];
  if (body !== null) lines.push(`table inet ${table} {`, body, '}');
  return `${lines.join('\n')}\n`;
}
