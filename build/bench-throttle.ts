// For `npm run bench`: round trips from the LAN through the 64 kbit/s throttle,
// idle and while one bulk TCP transfer fills each direction, with the real tc
// shaper in the kernel lab's namespaces (test/helpers). Needs root, else null.
import { tcShaper, type QueueKind } from '../device-daemon/src/ports/shaper/tc.ts';
import { withNetns } from '../test/helpers/netns.ts';
import { routerTopology, WAN } from '../test/helpers/router-topology.ts';
import { median, throttledRtt } from '../test/helpers/throttled-rtt.ts';

export type ThrottleRow = { pingMs: number | null; udpMs: number | null; lostOf20: number; bulkKbit: number | null };
export type ThrottleFigures = { kbit: number; queue: QueueKind; idle: ThrottleRow; upload: ThrottleRow; download: ThrottleRow };

const KBIT = 64;

export async function throttledLine(): Promise<ThrottleFigures | null> {
  if (process.getuid?.() !== 0) return null;
  return withNetns(async (net) => {
    const t = await routerTopology(net);
    const shaper = tcShaper({ runner: { run: (argv, o) => net.exec(t.router, argv, o) }, wanDevice: WAN });
    await shaper.apply({ downKbit: KBIT, upKbit: KBIT });
    const row = async (load: 'idle' | 'up' | 'down'): Promise<ThrottleRow> => {
      const r = await throttledRtt(net, t, load, KBIT);
      const ms = (xs: number[]) => (xs.length ? Math.round(median(xs)) : null);
      return { pingMs: ms(r.pingMs), udpMs: ms(r.udpMs), lostOf20: 20 - r.pingMs.length - r.udpMs.length, bulkKbit: r.bulkKbit && Math.round(r.bulkKbit * 10) / 10 };
    };
    return { kbit: KBIT, queue: shaper.queue(), idle: await row('idle'), upload: await row('up'), download: await row('down') };
  });
}
