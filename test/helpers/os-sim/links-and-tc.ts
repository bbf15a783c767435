// A command-level simulator of `ip link` and `tc` as the shaper uses them: the
// links and their qdiscs and ingress filters are state, each command changes it
// or fails as the real tools do (messages and exit codes captured from iproute2
// on Debian, see test/fixtures/linux/README.md), and the state renders itself as
// `ip -j link show`, `tc -j qdisc show` and `tc -j filter show` print it. A
// command it does not know is refused, so a change in what tc.ts runs shows up.
import { CommandError } from '../../../device-daemon/src/ports/runner.ts';
import type { CommandResult, CommandRunner } from '../../../device-daemon/src/ports/types.ts';

type Tbf = { rateBytes: number; burst: number; limit: number };
type Link = { name: string; kind: 'veth' | 'ifb'; mtu: number; up: boolean; root: Tbf | null; ingress: boolean; redirectTo: string | null };

export class TcSim implements CommandRunner {
  readonly links = new Map<string, Link>();
  /** Every command run, in order. */
  readonly log: string[] = [];

  /** A WAN-like device (a veth, up): what the modem's interface looks like to tc. */
  addDevice(name: string, mtu = 1500): void {
    this.links.set(name, { name, kind: 'veth', mtu, up: true, root: null, ingress: false, redirectTo: null });
  }

  /** The device goes away with everything on it (a modem reconnect deletes wwan0). */
  removeDevice(name: string): void {
    this.links.delete(name);
  }

  async run(argv: readonly string[], options: { input?: string } = {}): Promise<CommandResult> {
    this.log.push(argv.join(' '));
    void options;
    const fail = (code: number, stderr: string): never => {
      throw new CommandError(argv, { kind: 'exit', code }, '', stderr);
    };
    const ok = (stdout = ''): CommandResult => ({ stdout, stderr: '', code: 0 });
    const a = argv.join(' ');
    const dev = (name: string) => this.links.get(name) ?? fail(1, `Cannot find device "${name}"\n`);
    let m: RegExpExecArray | null;

    if (a === 'ip -j link show') return ok(JSON.stringify(this.renderLinks()));
    if ((m = /^ip link add name (\S+) type ifb$/.exec(a))) {
      if (this.links.has(m[1]!)) fail(2, 'RTNETLINK answers: File exists\n');
      this.links.set(m[1]!, { name: m[1]!, kind: 'ifb', mtu: 1500, up: false, root: null, ingress: false, redirectTo: null });
      return ok();
    }
    if ((m = /^ip link set dev (\S+) up$/.exec(a))) return ((dev(m[1]!).up = true), ok());
    if ((m = /^ip link del dev (\S+)$/.exec(a))) {
      dev(m[1]!);
      this.links.delete(m[1]!);
      return ok();
    }
    if (a === 'tc -j qdisc show') return ok(JSON.stringify(this.renderQdiscs()));
    if ((m = /^tc qdisc replace dev (\S+) root handle 4d41: tbf rate (\d+)bit burst (\d+) limit (\d+)$/.exec(a))) {
      const link = dev(m[1]!);
      link.root = { rateBytes: Number(m[2]) / 8, burst: Number(m[3]), limit: Number(m[4]) };
      return ok();
    }
    // This kernel has no fq_codel: tc refuses the fair queue under our tbf (fixture README).
    if ((m = /^tc qdisc replace dev (\S+) parent 4d41:1 handle 4d42: fq_codel /.exec(a))) {
      dev(m[1]!);
      fail(2, 'Error: Specified qdisc kind is unknown.\n');
    }
    if ((m = /^tc qdisc add dev (\S+) handle ffff: ingress$/.exec(a))) {
      const link = dev(m[1]!);
      if (link.ingress) fail(2, 'Error: Exclusivity flag on, cannot modify.\n');
      link.ingress = true;
      return ok();
    }
    if ((m = /^tc qdisc del dev (\S+) root$/.exec(a))) {
      const link = dev(m[1]!);
      if (!link.root) fail(2, 'Error: Cannot delete qdisc with handle of zero.\n');
      link.root = null;
      return ok();
    }
    if ((m = /^tc qdisc del dev (\S+) ingress$/.exec(a))) {
      const link = dev(m[1]!);
      if (!link.ingress) fail(2, 'Error: Invalid handle.\n');
      // The ingress qdisc takes its filters with it.
      link.ingress = false;
      link.redirectTo = null;
      return ok();
    }
    if ((m = /^tc -j filter show dev (\S+) parent ffff:$/.exec(a))) {
      const link = dev(m[1]!);
      return ok(JSON.stringify(link.ingress && link.redirectTo ? redirectFilter(link.redirectTo) : []));
    }
    if ((m = /^tc filter add dev (\S+) parent ffff: protocol all u32 match u32 0 0 action mirred egress redirect dev (\S+)$/.exec(a))) {
      const link = dev(m[1]!);
      if (!link.ingress) fail(2, 'Error: Parent Qdisc doesn\'t exists.\n');
      dev(m[2]!);
      link.redirectTo = m[2]!;
      return ok();
    }
    return fail(1, `not simulated: ${a}\n`);
  }

  renderLinks() {
    return [...this.links.values()].map((l, i) => ({ ifindex: i + 2, ifname: l.name, flags: l.up ? ['BROADCAST', 'NOARP', 'UP', 'LOWER_UP'] : ['BROADCAST', 'NOARP'], mtu: l.mtu }));
  }

  /** As `tc -j qdisc show` prints it: root then ingress, per device. */
  renderQdiscs() {
    return [...this.links.values()].flatMap((l) => [
      l.root
        ? { kind: 'tbf', handle: '4d41:', dev: l.name, root: true, refcnt: 2, options: { rate: l.root.rateBytes, burst: l.root.burst, lat: Math.round(((l.root.limit - l.root.burst) / l.root.rateBytes) * 1e6) } }
        : { kind: 'noqueue', handle: '0:', dev: l.name, root: true, refcnt: 2, options: {} },
      ...(l.ingress ? [{ kind: 'ingress', handle: 'ffff:', dev: l.name, parent: 'ffff:fff1', options: {} }] : []),
    ]);
  }

  /** Everything the shaper can leave behind, as one text to compare. */
  render(): string {
    // By name, not by ifindex: a device created again gets a new index, which no one compares.
    const byName = <T extends { ifname?: string; dev?: string }>(xs: T[]) => xs.sort((x, y) => (x.ifname ?? x.dev ?? '').localeCompare(y.ifname ?? y.dev ?? ''));
    const links = byName(this.renderLinks()).map(({ ifindex: _, ...l }) => l);
    const filters = [...this.links.values()].filter((l) => l.redirectTo).map((l) => ({ dev: l.name, filters: redirectFilter(l.redirectTo!) }));
    return JSON.stringify({ links, qdiscs: byName(this.renderQdiscs()), filters: byName(filters) }, null, 1);
  }
}

/** A u32 match-all redirect to `to`, as tc -j filter show prints it (test/fixtures/linux). */
function redirectFilter(to: string) {
  return [
    { protocol: 'all', pref: 49152, kind: 'u32', chain: 0 },
    { protocol: 'all', pref: 49152, kind: 'u32', chain: 0, options: { fh: '800:', ht_divisor: 1 } },
    {
      protocol: 'all',
      pref: 49152,
      kind: 'u32',
      chain: 0,
      options: {
        fh: '800::800',
        order: 2048,
        key_ht: '800',
        bkt: '0',
        not_in_hw: true,
        match: { value: '0', mask: '0', offmask: '', off: 0 },
        actions: [{ order: 1, kind: 'mirred', mirred_action: 'redirect', direction: 'egress', to_dev: to, control_action: { type: 'stolen' }, index: 1, ref: 1, bind: 1 }],
      },
    },
  ];
}
