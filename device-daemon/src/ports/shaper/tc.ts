// The real shaper: Linux traffic control. Upload is shaped by a root qdisc on
// the WAN device; download cannot be queued where it arrives, so an ingress
// qdisc on the WAN redirects every packet (u32 match-all; this kernel has no
// matchall classifier) to an IFB device, whose root qdisc shapes it as egress.
//
// The kernel is the source of truth: every apply reads the state back, because
// a modem reconnect deletes the WAN device and with it our qdiscs and filter.
import * as v from 'valibot';
import { parseOutput } from '../parse-output.ts';
import { CommandError } from '../runner.ts';
import { isInterfaceName } from '../counters/linux.ts';
import type { CommandRunner, ShaperPort, ShaperState } from '../types.ts';
import { ingressQdisc, kbitOf, parseFilters, parseQdiscs, type Qdisc, redirectsTo, rootQdisc } from './tc-parse.ts';

/** The handle of our root qdiscs: how we tell ours from the device's default or someone else's. */
export const SHAPER_HANDLE = '4d41:';

/** The IFB device's default name for `wan`: `ifb-<wan>`, cut to the kernel's 15 bytes. */
export function ifbNameFor(wan: string): string {
  return `ifb-${wan}`.slice(0, 15);
}

export type TbfSettings = { rateBytes: number; burst: number; limit: number };

/**
 * tbf settings for `kbit` on a link with `mtu`.
 *
 * Why tbf: one qdisc holds the whole state (`tc -j qdisc show` reads the rate
 * back), and it segments GSO/GRO super-packets itself, so a 64 KiB aggregate
 * from a veth or modem driver is paced packet by packet instead of passing as
 * one burst and leaving htb in debt. htb with a fq_codel leaf would add
 * per-flow fairness, but fq_codel is not in every kernel (not in the test
 * kernel), and its 5 ms target is far below the 190 ms one 1500-byte packet
 * takes at 64 kbit/s, so it would need retuning to not drop nearly every
 * packet; with one class, htb+pfifo is tbf with more parts.
 *
 * burst: the bucket must hold one whole packet as tc counts it (MTU plus a
 * 14-byte Ethernet header, 4 more with a VLAN tag), or that packet never
 * leaves; more than one packet would let back-to-back bursts exceed the rate.
 * At high rates the bucket is 10 ms of traffic so timer slack cannot starve it.
 *
 * limit: the queue in bytes behind the bucket. At 64 kbit/s a 1514-byte frame
 * takes 190 ms, so a time-based limit (tbf's `latency 50ms`) would be smaller
 * than one packet and drop nearly everything. TCP needs a few packets queued:
 * after a loss it halves its window, and fast retransmit needs three duplicate
 * ACKs; with fewer than ~4 packets in flight every loss costs a retransmission
 * timeout (200 ms or more of idle link). 8 full packets (1.5 s at 64 kbit/s)
 * kept a single TCP flow at the full rate in the kernel tests; at higher rates
 * the limit grows to 300 ms of traffic.
 */
export function tbfFor(kbit: number, mtu: number): TbfSettings {
  const rateBytes = kbit * 125;
  const frame = mtu + 18;
  return {
    rateBytes,
    burst: Math.max(frame + 82, Math.ceil(rateBytes / 100)),
    limit: Math.max(8 * frame, Math.ceil(rateBytes * 0.3)),
  };
}

const LinkSchema = v.array(
  v.looseObject({ ifname: v.string(), mtu: v.number(), flags: v.optional(v.array(v.string())) }),
);

type Inspection = {
  wan: { mtu: number } | null;
  ifb: { up: boolean } | null;
  wanRoot: Qdisc | undefined;
  ingress: boolean;
  /** The ingress qdisc is ours: it redirects to our IFB, or has no filter at all (a half-done apply). */
  ingressOurs: boolean;
  redirect: boolean;
  ifbRoot: Qdisc | undefined;
};

function ours(q: Qdisc | undefined): q is Qdisc {
  return q !== undefined && q.kind === 'tbf' && q.handle === SHAPER_HANDLE;
}

function matches(q: Qdisc | undefined, tbf: TbfSettings): boolean {
  return ours(q) && q.options?.rate === tbf.rateBytes && q.options.burst === tbf.burst;
}

function checkRate(kbit: number, what: string): number {
  if (!Number.isSafeInteger(kbit) || kbit < 1) throw new RangeError(`${what} must be a positive whole number of kbit/s: ${kbit}`);
  return kbit;
}

/**
 * The real ShaperPort. `wanDevice` is the modem's interface (it may come and
 * go); `ifbDevice` defaults to `ifbNameFor(wanDevice)`. `apply` throws when
 * the WAN device does not exist; calling it again after the modem reconnects
 * restores the shaping.
 */
export function tcShaper({
  runner,
  wanDevice,
  ifbDevice = ifbNameFor(wanDevice),
}: {
  runner: CommandRunner;
  wanDevice: string;
  ifbDevice?: string;
}): ShaperPort {
  for (const name of [wanDevice, ifbDevice]) {
    if (!isInterfaceName(name) || name.startsWith('-')) throw new RangeError(`not an interface name: ${JSON.stringify(name)}`);
  }
  const wan = wanDevice;
  const ifb = ifbDevice;
  const tc = (...args: string[]) => runner.run(['tc', ...args]);

  async function inspect(): Promise<Inspection> {
    const [links, qdiscs] = await Promise.all([runner.run(['ip', '-j', 'link', 'show']), tc('-j', 'qdisc', 'show')]);
    const linkList = parseOutput(LinkSchema, JSON.parse(links.stdout), 'ip -j link show');
    const wanLink = linkList.find((l) => l.ifname === wan);
    const ifbLink = linkList.find((l) => l.ifname === ifb);
    const all = parseQdiscs(qdiscs.stdout);
    const wanQdiscs = all.filter((q) => q.dev === wan);
    const ifbQdiscs = all.filter((q) => q.dev === ifb);
    const ingress = wanLink !== undefined && ingressQdisc(wanQdiscs) !== undefined;
    let redirect = false;
    let ingressOurs = false;
    if (ingress) {
      const filters = parseFilters((await tc('-j', 'filter', 'show', 'dev', wan, 'parent', 'ffff:')).stdout);
      redirect = redirectsTo(filters, ifb);
      ingressOurs = redirect || filters.length === 0;
    }
    return {
      wan: wanLink ? { mtu: wanLink.mtu } : null,
      ifb: ifbLink ? { up: (ifbLink.flags ?? []).includes('UP') } : null,
      wanRoot: rootQdisc(wanQdiscs),
      ingress,
      ingressOurs,
      redirect,
      ifbRoot: rootQdisc(ifbQdiscs),
    };
  }

  function tbfArgs(tbf: TbfSettings): string[] {
    return ['handle', SHAPER_HANDLE, 'tbf', 'rate', `${tbf.rateBytes * 8}bit`, 'burst', String(tbf.burst), 'limit', String(tbf.limit)];
  }

  async function remove(state: Inspection): Promise<void> {
    // Filter first (it goes with the ingress qdisc), so no packet is redirected to a vanishing IFB.
    if (state.ingress && state.ingressOurs) await tc('qdisc', 'del', 'dev', wan, 'ingress');
    if (state.wan && ours(state.wanRoot)) await tc('qdisc', 'del', 'dev', wan, 'root');
    if (state.ifb) await runner.run(['ip', 'link', 'del', 'dev', ifb]);
  }

  return {
    async current() {
      const state = await inspect();
      if (!state.wan || !state.ifb?.up || !state.redirect || !ours(state.wanRoot) || !ours(state.ifbRoot)) return null;
      const up = state.wanRoot.options?.rate;
      const down = state.ifbRoot.options?.rate;
      if (up === undefined || down === undefined) return null;
      return { downKbit: kbitOf(down), upKbit: kbitOf(up) };
    },

    async apply(desired: ShaperState) {
      if (desired === null) return remove(await inspect());
      const upKbit = checkRate(desired.upKbit, 'upKbit');
      const downKbit = checkRate(desired.downKbit, 'downKbit');
      const state = await inspect();
      if (!state.wan) throw new Error(`shaper: WAN device ${wan} does not exist (modem disconnected?); shaping not applied`);
      const up = tbfFor(upKbit, state.wan.mtu);
      const down = tbfFor(downKbit, state.wan.mtu);
      try {
        if (!matches(state.wanRoot, up)) await tc('qdisc', 'replace', 'dev', wan, 'root', ...tbfArgs(up));
        if (!state.ifb) await runner.run(['ip', 'link', 'add', 'name', ifb, 'type', 'ifb']);
        if (!state.ifb?.up) await runner.run(['ip', 'link', 'set', 'dev', ifb, 'up']);
        // The IFB is shaped before traffic is sent to it.
        if (!matches(state.ifbRoot, down)) await tc('qdisc', 'replace', 'dev', ifb, 'root', ...tbfArgs(down));
        if (!state.ingress) await tc('qdisc', 'add', 'dev', wan, 'handle', 'ffff:', 'ingress');
        if (!state.redirect) {
          await tc('filter', 'add', 'dev', wan, 'parent', 'ffff:', 'protocol', 'all', 'u32', 'match', 'u32', '0', '0',
            'action', 'mirred', 'egress', 'redirect', 'dev', ifb);
        }
      } catch (error) {
        // The modem went away between our read and our change: say so plainly.
        if (error instanceof CommandError && /Cannot find device|does not exist/.test(error.stderr)) {
          throw new Error(`shaper: WAN device ${wan} disappeared while applying: ${error.message}`, { cause: error });
        }
        throw error;
      }
    },
  };
}
