// The real shaper: Linux traffic control. Upload is shaped by a root qdisc on
// the WAN device; download cannot be queued where it arrives, so an ingress
// qdisc on the WAN redirects every packet (u32 match-all; this kernel has no
// matchall classifier) to an IFB device, whose root qdisc shapes it as egress.
//
// The kernel is the source of truth: every apply reads the state back, because
// a modem reconnect deletes the WAN device and with it our qdiscs and filter.
//
// Under each tbf sits a flow-fair queue where the kernel has one (fq_codel:
// OpenWrt builds it in), so a DNS lookup or a ping waits for about one packet
// of a download instead of the whole queue; without it tbf keeps its own byte
// FIFO. What apply runs, in order, each only when the read-back state differs
// (argv shapes, for anyone simulating tc):
//   tc qdisc replace dev WAN root handle 4d41: tbf rate <bits>bit burst <bytes> limit <bytes>
//   tc qdisc replace dev WAN parent 4d41:1 handle 4d42: fq_codel limit <packets> target <us>us interval <us>us quantum <bytes> memory_limit <bytes>
//   ip link add name IFB type ifb;  ip link set dev IFB up
//   the same two tc lines for dev IFB
//   tc qdisc add dev WAN handle ffff: ingress
//   tc filter add dev WAN parent ffff: protocol all u32 match u32 0 0 action mirred egress redirect dev IFB
// A kernel without fq_codel answers the second line with exit code 2 and
// "Error: Specified qdisc kind is unknown."; the shaper then remembers that and
// stops asking until the daemon restarts.
import { CommandError } from '../runner.ts';
import { isInterfaceName } from '../counters/linux.ts';
import type { CommandRunner, ShaperPort, ShaperState } from '../types.ts';
import { ingressQdisc, kbitOf, parseFilters, parseLinks, parseQdiscs, type Qdisc, redirectsTo, rootQdisc } from './tc-parse.ts';

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
 * Why tbf: one qdisc holds the rate (`tc -j qdisc show` reads it back), and it
 * segments GSO/GRO super-packets itself, so a 64 KiB aggregate from a veth or
 * modem driver is paced packet by packet instead of passing as one burst and
 * leaving htb in debt. Its one class takes the fair queue (fqCodelFor).
 *
 * burst: the bucket must hold one whole packet as tc counts it (MTU plus a
 * 14-byte Ethernet header, 4 more with a VLAN tag), or that packet never
 * leaves; more than one packet would let back-to-back bursts exceed the rate.
 * At high rates the bucket is 10 ms of traffic so timer slack cannot starve it.
 *
 * limit: the queue in bytes behind the bucket when the kernel has no fair
 * queue (tbf's own FIFO; with fq_codel under it, tbf ignores it). At 64 kbit/s a 1514-byte frame
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

/** The handle of the fair queue under our tbf (its parent is the tbf's one class, 4d41:1). */
export const FAIR_QUEUE_HANDLE = '4d42:';
const TBF_CLASS = '4d41:1';

export type FqCodelSettings = { targetUs: number; intervalUs: number; quantum: number; limit: number; memoryLimit: number };

/**
 * fq_codel settings for `kbit` on a link with `mtu`, tuned as cake tunes
 * itself for a slow link (Linux net/sched/sch_cake.c, cake_set_rate): codel's
 * target is at least 1.5 full packets' time (5 ms by default would be 1/38 of
 * one 1514-byte packet at 64 kbit/s, so codel would drop at every dequeue), and
 * its interval grows with it: max(100 ms + target - 5 ms, 2 x target). At
 * 64 kbit/s: target 285 ms, interval 570 ms.
 *
 * quantum 300: each flow's turn is 300 bytes, so a sparse flow (DNS, ping, a
 * TCP ACK, a chat message) is sent before a bulk flow's next full packet; the
 * kernel's default of one MTU gives the bulk flow a whole packet per turn.
 *
 * limit and memory_limit: the kernel defaults (10240 packets, 32 MiB) are for
 * servers; 128 packets and 1 MiB are plenty on a router (codel keeps the
 * standing queue near target anyway) and bound memory under a flood.
 */
export function fqCodelFor(kbit: number, mtu: number): FqCodelSettings {
  const frameUs = ((mtu + 18) * 8 * 1000) / kbit;
  const targetUs = Math.max(5000, Math.ceil(frameUs * 1.5));
  return { targetUs, intervalUs: Math.max(100_000 + targetUs - 5000, 2 * targetUs), quantum: 300, limit: 128, memoryLimit: 1 << 20 };
}

/** What sits under the token bucket: a flow-fair queue, tbf's own FIFO (the kernel lacks fq_codel), or not known until the first apply. */
export type QueueKind = 'fq_codel' | 'fifo' | 'unknown';


type Inspection = {
  wan: { mtu: number } | null;
  ifb: { up: boolean } | null;
  wanRoot: Qdisc | undefined;
  ingress: boolean;
  /** The ingress qdisc is ours: it redirects to our IFB, or has no filter at all (a half-done apply). */
  ingressOurs: boolean;
  redirect: boolean;
  ifbRoot: Qdisc | undefined;
  /** Our fair queues under each tbf, when there. */
  wanLeaf: boolean;
  ifbLeaf: boolean;
};

function ours(q: Qdisc | undefined): q is Qdisc {
  return q !== undefined && q.kind === 'tbf' && q.handle === SHAPER_HANDLE;
}

function matches(q: Qdisc | undefined, tbf: TbfSettings): boolean {
  return ours(q) && q.options?.rate === tbf.rateBytes && q.options.burst === tbf.burst;
}

function isOurLeaf(q: Qdisc): boolean {
  return q.kind === 'fq_codel' && q.handle === FAIR_QUEUE_HANDLE && q.parent === TBF_CLASS;
}

/** tc's answer when the kernel has no such qdisc (iproute2 6.x with extended ack). */
const UNKNOWN_KIND = /qdisc kind is unknown|Unknown qdisc/i;

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
}): ShaperPort & { queue(): QueueKind } {
  for (const name of [wanDevice, ifbDevice]) {
    if (!isInterfaceName(name) || name.startsWith('-')) throw new RangeError(`not an interface name: ${JSON.stringify(name)}`);
  }
  const wan = wanDevice;
  const ifb = ifbDevice;
  const tc = (...args: string[]) => runner.run(['tc', ...args]);
  // Learnt from the kernel: set when we see our fair queue or tc refuses it.
  let queue: QueueKind = 'unknown';

  async function inspect(): Promise<Inspection> {
    const [links, qdiscs] = await Promise.all([runner.run(['ip', '-j', 'link', 'show']), tc('-j', 'qdisc', 'show')]);
    const linkList = parseLinks(links.stdout);
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
      wanLeaf: wanQdiscs.some(isOurLeaf),
      ifbLeaf: ifbQdiscs.some(isOurLeaf),
    };
  }

  function tbfArgs(tbf: TbfSettings): string[] {
    return ['handle', SHAPER_HANDLE, 'tbf', 'rate', `${tbf.rateBytes * 8}bit`, 'burst', String(tbf.burst), 'limit', String(tbf.limit)];
  }

  /**
   * Puts the fair queue under the tbf of `dev` unless the kernel lacks it. A
   * rate change re-tunes it, since its target follows the rate.
   */
  async function fairQueue(dev: string, kbit: number, mtu: number, present: boolean, tbfChanged: boolean): Promise<void> {
    if (present) queue = 'fq_codel';
    if (queue === 'fifo' || (present && !tbfChanged)) return;
    const fq = fqCodelFor(kbit, mtu);
    try {
      await tc('qdisc', 'replace', 'dev', dev, 'parent', TBF_CLASS, 'handle', FAIR_QUEUE_HANDLE, 'fq_codel',
        'limit', String(fq.limit), 'target', `${fq.targetUs}us`, 'interval', `${fq.intervalUs}us`,
        'quantum', String(fq.quantum), 'memory_limit', String(fq.memoryLimit));
      queue = 'fq_codel';
    } catch (error) {
      if (!(error instanceof CommandError && UNKNOWN_KIND.test(error.stderr))) throw error;
      // tbf's byte FIFO (its `limit`) stays in place.
      queue = 'fifo';
    }
  }

  async function remove(state: Inspection): Promise<void> {
    // Filter first (it goes with the ingress qdisc), so no packet is redirected to a vanishing IFB.
    if (state.ingress && state.ingressOurs) await tc('qdisc', 'del', 'dev', wan, 'ingress');
    if (state.wan && ours(state.wanRoot)) await tc('qdisc', 'del', 'dev', wan, 'root');
    if (state.ifb) await runner.run(['ip', 'link', 'del', 'dev', ifb]);
  }

  return {
    queue: () => queue,

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
        const upChanged = !matches(state.wanRoot, up);
        if (upChanged) await tc('qdisc', 'replace', 'dev', wan, 'root', ...tbfArgs(up));
        await fairQueue(wan, upKbit, state.wan.mtu, state.wanLeaf, upChanged);
        if (!state.ifb) await runner.run(['ip', 'link', 'add', 'name', ifb, 'type', 'ifb']);
        if (!state.ifb?.up) await runner.run(['ip', 'link', 'set', 'dev', ifb, 'up']);
        // The IFB is shaped before traffic is sent to it.
        const downChanged = !matches(state.ifbRoot, down);
        if (downChanged) await tc('qdisc', 'replace', 'dev', ifb, 'root', ...tbfArgs(down));
        await fairQueue(ifb, downKbit, state.wan.mtu, state.ifbLeaf, downChanged);
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
