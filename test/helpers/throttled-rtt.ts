// Round-trip time from the LAN through the shaper while one bulk TCP transfer
// fills one direction: ping (ICMP echo, 84-byte IP packets) and DNS-sized UDP
// (64 bytes of payload each way) to the internet namespace. Shared by the
// kernel suite and `npm run bench`.
import { fileURLToPath } from 'node:url';
import type { Netns } from './netns.ts';
import type { Topology } from './router-topology.ts';

const UDP_SCRIPT = fileURLToPath(new URL('./udp-echo.mjs', import.meta.url));
const PROBES = 10;
const INTERVAL_MS = 500;
/** Time for the bulk flow to fill the queue before the first probe. */
const FILL_MS = 4000;

export type RttFigures = { pingMs: number[]; udpMs: number[]; udpLost: number; bulkKbit: number | null };

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : Number.NaN;
}

async function probe(net: Netns, t: Topology): Promise<Omit<RttFigures, 'bulkKbit'>> {
  const address = t.wan.b.ipv4;
  const seconds = (PROBES * INTERVAL_MS) / 1000 + 15;
  const server = net.node(t.inet, UDP_SCRIPT, ['serve', address, '5353', String(seconds)], { timeoutMs: (seconds + 5) * 1000 });
  // Ping and UDP alternate in time, so neither waits behind the other.
  const [ping, udp] = await Promise.all([
    net.exec(t.client, ['ping', '-n', '-c', String(PROBES), '-i', String(INTERVAL_MS / 1000), '-W', '10', address], { timeoutMs: 40_000, okCodes: [0, 1] }),
    new Promise((r) => setTimeout(r, INTERVAL_MS / 2)).then(() =>
      net.node(t.client, UDP_SCRIPT, ['probe', address, '5353', String(PROBES), String(INTERVAL_MS), '64'], { timeoutMs: 40_000 }),
    ),
  ]);
  await server;
  return {
    pingMs: [...ping.stdout.matchAll(/time=([\d.]+) ms/g)].map((m) => Number(m[1])),
    udpMs: [...udp.stdout.matchAll(/^rtt ([\d.]+)$/gm)].map((m) => Number(m[1])),
    udpLost: Number(/^lost (\d+)$/m.exec(udp.stdout)?.[1] ?? PROBES),
  };
}

/**
 * RTTs with the line idle, or while a bulk TCP transfer saturates `load`
 * ('up': LAN to internet, 'down': internet to LAN) at about `kbit`. The
 * transfer outlasts the probes; bulkKbit is its payload rate as received.
 */
export async function throttledRtt(net: Netns, t: Topology, load: 'idle' | 'up' | 'down', kbit: number): Promise<RttFigures> {
  if (load === 'idle') return { ...(await probe(net, t)), bulkKbit: null };
  const seconds = (FILL_MS + PROBES * INTERVAL_MS) / 1000 + 6;
  const bytes = Math.round(((kbit * 1000) / 8) * seconds);
  const [from, to, address] = load === 'up' ? [t.client, t.inet, t.wan.b.ipv4] : [t.inet, t.client, t.lan.a.ipv4];
  const bulk = net.sendTcp({ from, to, address, bytes, warmupMs: 0, timeoutMs: (seconds + 30) * 1000 });
  await new Promise((r) => setTimeout(r, FILL_MS));
  const probes = await probe(net, t);
  const moved = await bulk;
  const bulkKbit = moved.steady && moved.steady.ms > 0 ? (moved.steady.bytes * 8) / moved.steady.ms : null;
  return { ...probes, bulkKbit };
}

/** Whether this kernel can make an fq_codel qdisc, asked on a scratch veth in a namespace of its own. */
export async function kernelHasFqCodel(net: Netns): Promise<boolean> {
  const a = await net.add('fq-probe');
  const b = await net.add('fq-peer');
  const veth = await net.veth(a, b);
  const made = await net.exec(a, ['tc', 'qdisc', 'add', 'dev', veth.a.dev, 'root', 'fq_codel'], { okCodes: [0, 1, 2] });
  return made.code === 0;
}
