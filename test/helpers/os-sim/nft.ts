// A command-level simulator of `nft` as the firewall, MAC-block and accounting
// ports run it: tables, chains, sets (with counted elements) and rules are
// state; `nft -f -` applies a script as one transaction or fails as a whole
// with nft's error text on stderr (test/fixtures/linux/README.md), and
// `nft -j list table inet NAME` prints the JSON nftables 1.0.6 prints. Only
// the script forms the ports write are understood; anything else is a syntax
// error, so a change in what the ports write shows up. `forward()` sends a
// packet through the forward-hooked chains, so rules are judged by what they do.
import { CommandError } from '../../../device-daemon/src/ports/runner.ts';
import type { CommandResult, CommandRunner, RunOptions } from '../../../device-daemon/src/ports/types.ts';

type Field = { protocol: 'ip' | 'ip6' | 'ether'; field: 'saddr' | 'daddr' };
type Expr =
  | { kind: 'meta'; key: 'iifname' | 'oifname'; value: string }
  | { kind: 'in-set'; field: Field; set: string }
  | { kind: 'update'; fields: Field[]; set: string }
  | { kind: 'drop' };
type Rule = { handle: number; comment?: string; exprs: Expr[] };
type Chain = { name: string; handle: number; hook: string; prio: number; policy: 'accept' | 'drop'; rules: Rule[] };
type Elem = { key: string[]; packets: number; bytes: number };
type NftSet = { name: string; handle: number; type: string[]; size?: number; counter: boolean; elems: Elem[] };
type Table = { name: string; handle: number; comment?: string; sets: NftSet[]; chains: Chain[]; next: number };
type State = { tables: Map<string, Table>; nextTable: number };

/** A packet crossing the router, as the forward hook sees it. */
export type Packet = { iif: string; oif: string; family: 4 | 6; saddr: string; daddr: string; smac: string; bytes: number };

const TYPES = ['ipv4_addr', 'ipv6_addr', 'ether_addr'];

class ScriptError extends Error {}

export class NftSim implements CommandRunner {
  state: State = { tables: new Map(), nextTable: 1 };
  /** What `ip -j neigh show dev DEV` prints: the accounting port reads it beside nft. */
  neighbours: { dev: string; dst: string; lladdr?: string; state: string[] }[] = [];
  /** Every command run, in order. */
  readonly log: string[] = [];

  async run(argv: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
    this.log.push(argv.join(' '));
    const exit = (code: number, stderr: string): CommandResult => {
      if ((options.okCodes ?? [0]).includes(code)) return { stdout: '', stderr, code };
      throw new CommandError(argv, { kind: 'exit', code }, '', stderr);
    };
    const ok = (stdout = ''): CommandResult => ({ stdout, stderr: '', code: 0 });
    const a = argv.join(' ');
    let m: RegExpExecArray | null;
    if ((m = /^nft -j list table inet (\w+)$/.exec(a))) {
      if (!this.state.tables.has(m[1]!)) return exit(1, `Error: No such file or directory\nlist table inet ${m[1]}\n${' '.repeat(16)}${'^'.repeat(m[1]!.length)}\n`);
      return ok(JSON.stringify({ nftables: [METAINFO, ...this.listing(m[1]!, true)] }));
    }
    if (a === 'nft -f -') {
      try {
        this.state = applyScript(this.state, options.input ?? '');
      } catch (error) {
        if (error instanceof ScriptError) return exit(1, error.message);
        throw error;
      }
      return ok();
    }
    // What someone else at the shell (or another firewall tool) may do to our tables.
    if ((m = /^nft (flush|delete) table inet (\w+)$/.exec(a))) {
      const table = this.state.tables.get(m[2]!);
      const command = `${m[1]} table inet `;
      if (!table) return exit(1, `Error: Could not process rule: No such file or directory\n${command}${m[2]}\n${' '.repeat(command.length)}${'^'.repeat(m[2]!.length)}\n`);
      if (m[1] === 'delete') this.state.tables.delete(m[2]!);
      // A flush empties the chains; sets and their elements stay.
      else for (const chain of table.chains) chain.rules = [];
      return ok();
    }
    if (a === 'nft flush ruleset') return (this.state.tables.clear(), ok());
    if ((m = /^ip -j neigh show dev (\S+)$/.exec(a))) {
      return ok(JSON.stringify(this.neighbours.filter((n) => n.dev === m![1]).map(({ dev, ...n }) => ({ ...n, dev }))));
    }
    return exit(1, `not simulated: ${a}\n`);
  }

  /** Sends a packet through every forward-hooked chain by priority; a drop anywhere is final. */
  forward(packet: Packet): 'accept' | 'drop' {
    const chains = [...this.state.tables.values()]
      .flatMap((t) => t.chains.filter((c) => c.hook === 'forward').map((chain) => ({ t, chain })))
      .sort((x, y) => x.chain.prio - y.chain.prio);
    for (const { t, chain } of chains) {
      for (const rule of chain.rules) if (evaluate(t, rule, packet) === 'drop') return 'drop';
      if (chain.policy === 'drop') return 'drop';
    }
    return 'accept';
  }

  /** The objects of `nft -j list table inet NAME` after the metainfo. */
  listing(name: string, handles: boolean): unknown[] {
    const t = this.state.tables.get(name)!;
    const h = (handle: number) => (handles ? { handle } : {});
    const base = { family: 'inet' };
    return [
      { table: { ...base, name, ...h(t.handle) } },
      ...t.sets.map((s) => ({
        set: {
          ...base,
          name: s.name,
          table: name,
          type: s.type.length === 1 ? s.type[0] : s.type,
          ...h(s.handle),
          ...(s.size ? { size: s.size } : {}),
          ...(s.elems.length ? { elem: (handles ? s.elems : sortedElems(s.elems)).map((e) => renderElem(s, e)) } : {}),
          ...(s.counter ? { stmt: [{ counter: null }] } : {}),
        },
      })),
      ...t.chains.map((c) => ({ chain: { ...base, table: name, name: c.name, ...h(c.handle), type: 'filter', hook: c.hook, prio: c.prio, policy: c.policy } })),
      ...t.chains.flatMap((c) =>
        c.rules.map((r) => ({
          rule: { ...base, table: name, chain: c.name, ...h(r.handle), ...(r.comment !== undefined ? { comment: r.comment } : {}), expr: r.exprs.map(renderExpr) },
        })),
      ),
    ];
  }

  /** The whole ruleset as one text to compare: no handles, elements sorted. */
  render(): string {
    const names = [...this.state.tables.keys()].sort();
    return JSON.stringify(names.map((n) => this.listing(n, false)), null, 1);
  }
}

const METAINFO = { metainfo: { version: '1.0.6', release_name: 'Lester Gooch #5', json_schema_version: 1 } };

function sortedElems(elems: Elem[]): Elem[] {
  return [...elems].sort((x, y) => x.key.join().localeCompare(y.key.join()));
}

function renderElem(set: NftSet, e: Elem): unknown {
  const val = e.key.length === 1 ? e.key[0] : { concat: e.key };
  return set.counter ? { elem: { val, counter: { packets: e.packets, bytes: e.bytes } } } : val;
}

function renderExpr(e: Expr): unknown {
  const payload = (f: Field) => ({ payload: { protocol: f.protocol, field: f.field } });
  if (e.kind === 'meta') return { match: { op: '==', left: { meta: { key: e.key } }, right: e.value } };
  if (e.kind === 'in-set') return { match: { op: '==', left: payload(e.field), right: `@${e.set}` } };
  if (e.kind === 'update') return { set: { op: 'update', elem: e.fields.length === 1 ? payload(e.fields[0]!) : { concat: e.fields.map(payload) }, set: `@${e.set}` } };
  return { drop: null };
}

function fieldOf(p: Packet, f: Field): string | null {
  if (f.protocol === 'ether') return f.field === 'saddr' ? p.smac.toLowerCase() : null;
  // `ip`/`ip6` fields in an inet table match only packets of that family.
  if ((f.protocol === 'ip') !== (p.family === 4)) return null;
  return f.field === 'saddr' ? p.saddr : p.daddr;
}

function evaluate(t: Table, rule: Rule, p: Packet): 'next' | 'drop' {
  for (const e of rule.exprs) {
    if (e.kind === 'meta' && (e.key === 'iifname' ? p.iif : p.oif) !== e.value) return 'next';
    if (e.kind === 'in-set') {
      const value = fieldOf(p, e.field);
      if (value === null || !t.sets.find((s) => s.name === e.set)!.elems.some((el) => el.key[0] === value)) return 'next';
    }
    if (e.kind === 'update') {
      const key = e.fields.map((f) => fieldOf(p, f));
      if (key.some((k) => k === null)) return 'next';
      const set = t.sets.find((s) => s.name === e.set)!;
      let elem = set.elems.find((el) => el.key.join() === key.join());
      if (!elem && set.elems.length < (set.size ?? Infinity)) set.elems.push((elem = { key: key as string[], packets: 0, bytes: 0 }));
      if (elem && set.counter) (elem.packets += 1), (elem.bytes += p.bytes);
    }
    if (e.kind === 'drop') return 'drop';
  }
  return 'next';
}

/** Applies a `nft -f -` script to a copy of `state`: all of it, or nothing. */
export function applyScript(state: State, script: string): State {
  const next: State = structuredClone(state);
  const lines = script.split('\n');
  let table: Table | null = null;
  let chain: Chain | null = null;
  let pending: { sets: NftSet[]; chains: Chain[]; rules: Rule[] } = { sets: [], chains: [], rules: [] };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const at = (what: string, col = raw.length - raw.trimStart().length + 1, end = raw.length) =>
      new ScriptError(`/dev/stdin:${i + 1}:${col}-${end}: Error: ${what}\n${raw}\n${' '.repeat(col - 1)}${'^'.repeat(Math.max(1, end - col + 1))}\n`);
    let m: RegExpExecArray | null;
    if (line === '') return;
    if (chain) {
      if (line === '}') return void (chain = null);
      if ((m = /^type filter hook (forward|input|output) priority filter(?: ([+-]) (\d+))?; policy (accept|drop);$/.exec(line))) {
        chain.hook = m[1]!;
        chain.prio = m[2] ? Number(`${m[2]}${m[3]}`) : 0;
        chain.policy = m[4] as 'accept' | 'drop';
        return;
      }
      const rule = parseRule(line, table!, (what) => at(what));
      chain.rules.push(rule);
      pending.rules.push(rule);
      return;
    }
    if (table) {
      const t: Table = table;
      if (line === '}') {
        // nft numbers a new table's chains first, then its sets, then its rules.
        for (const o of [...pending.chains, ...pending.sets, ...pending.rules]) o.handle = t.next++;
        pending = { sets: [], chains: [], rules: [] };
        return void (table = null);
      }
      if ((m = /^comment "([^"]*)"$/.exec(line))) return void (t.comment = m[1]);
      if ((m = /^chain (\w+) \{$/.exec(line))) {
        const found = t.chains.find((c) => c.name === m![1]);
        chain = found ?? { name: m[1]!, handle: 0, hook: '', prio: 0, policy: 'accept', rules: [] };
        if (!found) t.chains.push(chain), pending.chains.push(chain);
        return;
      }
      if ((m = /^set (\w+) \{ (.*) \}$/.exec(line))) {
        const set = parseSet(m[1]!, m[2]!, (what) => at(what));
        const found = t.sets.find((s) => s.name === set.name);
        if (found && found.type.join() !== set.type.join()) throw at('Could not process rule: File exists');
        if (found) for (const e of set.elems) if (!found.elems.some((x) => x.key.join() === e.key.join())) found.elems.push(e);
        if (!found) t.sets.push(set), pending.sets.push(set);
        return;
      }
      throw at('syntax error, unexpected string');
    }
    if ((m = /^table inet (\w+)( \{)?$/.exec(line))) {
      let t = next.tables.get(m[1]!);
      if (!t) next.tables.set(m[1]!, (t = { name: m[1]!, handle: next.nextTable++, sets: [], chains: [], next: 1 }));
      if (m[2]) table = t;
      return;
    }
    if ((m = /^delete table inet (\w+)$/.exec(line))) {
      if (!next.tables.delete(m[1]!)) throw at('Could not process rule: No such file or directory', raw.length, raw.length);
      return;
    }
    throw at('syntax error, unexpected string');
  });
  if (table || chain) throw new ScriptError(`/dev/stdin:${lines.length}:1-1: Error: syntax error, unexpected end of file\n`);
  return next;
}

function parseSet(name: string, body: string, error: (what: string) => ScriptError): NftSet {
  const set: NftSet = { name, handle: 0, type: [], counter: false, elems: [] };
  for (const clause of body.split(';').map((c) => c.trim()).filter(Boolean)) {
    let m: RegExpExecArray | null;
    if ((m = /^type (\w+(?: \. \w+)*)$/.exec(clause))) set.type = m[1]!.split(' . ');
    else if ((m = /^size (\d+)$/.exec(clause))) set.size = Number(m[1]);
    else if (clause === 'flags dynamic') continue;
    else if (clause === 'counter') set.counter = true;
    else if ((m = /^elements = \{ (.*) \}$/.exec(clause))) set.elems = m[1]!.split(',').map((v) => ({ key: [v.trim().toLowerCase()], packets: 0, bytes: 0 }));
    else throw error('syntax error, unexpected string');
  }
  if (!set.type.length || set.type.some((t) => !TYPES.includes(t))) throw error('syntax error, unexpected string, expecting type');
  // Only single-type elements are written by the ports (nft itself accepts even `02:00` as an ether_addr).
  if (set.elems.length && set.type.length !== 1) throw error('syntax error, unexpected string');
  return set;
}

function parseRule(line: string, table: Table, error: (what: string) => ScriptError): Rule {
  const rule: Rule = { handle: 0, exprs: [] };
  const field = (s: string): Field => {
    const [protocol, f] = s.split(' ');
    return { protocol: protocol as Field['protocol'], field: f as Field['field'] };
  };
  const setRef = (name: string) => {
    // A reference to a set the table does not hold fails the whole script.
    if (!table.sets.some((s) => s.name === name)) throw error('No such file or directory');
    return name;
  };
  let rest = line;
  const FIELD = '(?:ip6?|ether) [sd]addr';
  while (rest !== '') {
    let m: RegExpExecArray | null;
    if ((m = /^(iifname|oifname) "([^"]+)"/.exec(rest))) rule.exprs.push({ kind: 'meta', key: m[1] as 'iifname', value: m[2]! });
    else if ((m = /^ether saddr @(\w+)/.exec(rest))) rule.exprs.push({ kind: 'in-set', field: field('ether saddr'), set: setRef(m[1]!) });
    else if ((m = new RegExp(`^update @(\\w+) \\{ (${FIELD}(?: \\. ${FIELD})*) \\}`).exec(rest))) {
      rule.exprs.push({ kind: 'update', set: setRef(m[1]!), fields: m[2]!.split(' . ').map(field) });
    } else if ((m = /^drop/.exec(rest))) rule.exprs.push({ kind: 'drop' });
    else if ((m = /^comment "([^"]*)"$/.exec(rest))) rule.comment = m[1]!;
    else throw error('syntax error, unexpected string');
    rest = rest.slice(m[0].length).trimStart();
  }
  return rule;
}
