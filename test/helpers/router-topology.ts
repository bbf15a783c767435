// The kernel suites' network: a LAN client, a router whose WAN veth is named
// like a modem device (wwan0), and an "internet" namespace.
//
//   client (eth0) <-> (lan0) router (wwan0) <-> (isp0) inet
//
// The router forwards IPv4 and IPv6; the client's default route is the router's
// LAN address, the internet's is the router's WAN address.
import type { Netns, Veth } from './netns.ts';

export const WAN = 'wwan0';
export const LAN = 'lan0';

export type Topology = { client: string; router: string; inet: string; lan: Veth; wan: Veth };

export async function routerTopology(net: Netns): Promise<Topology> {
  const client = await net.add('client');
  const router = await net.add('router');
  const inet = await net.add('inet');
  const lan = await net.veth(client, router, { a: 'eth0', b: LAN });
  const wan = await net.veth(router, inet, { a: WAN, b: 'isp0' });
  for (const argv of [
    ['sysctl', '-qw', 'net.ipv4.ip_forward=1'],
    ['sysctl', '-qw', 'net.ipv6.conf.all.forwarding=1'],
  ]) await net.exec(router, argv);
  await net.runner.run(['ip', '-n', client, 'route', 'add', 'default', 'via', lan.b.ipv4]);
  await net.runner.run(['ip', '-n', client, '-6', 'route', 'add', 'default', 'via', lan.b.ipv6]);
  await routeInet(net, inet, wan);
  return { client, router, inet, lan, wan };
}

/** The internet's default routes through the router's end of `wan` (again after a re-created WAN). */
export async function routeInet(net: Netns, inet: string, wan: Veth): Promise<void> {
  await net.runner.run(['ip', '-n', inet, 'route', 'replace', 'default', 'via', wan.a.ipv4]);
  await net.runner.run(['ip', '-n', inet, '-6', 'route', 'replace', 'default', 'via', wan.a.ipv6]);
}

/**
 * A modem reconnect: deletes the WAN veth, runs `whileDown` (if given), and
 * makes a new one with the same names (a new ifindex, counters from zero, no
 * qdiscs), in a new test subnet. Updates `t.wan` and the internet's routes.
 * With `index`, the new WAN device gets that ifindex (what a router's wwan0
 * gets again after a reboot).
 */
export async function reconnectWan(net: Netns, t: Topology, whileDown?: () => Promise<void>, index?: number): Promise<Veth> {
  await net.deleteVeth(t.wan);
  await whileDown?.();
  t.wan = await net.veth(t.router, t.inet, { a: WAN, b: 'isp0', ...(index === undefined ? {} : { index }) });
  await routeInet(net, t.inet, t.wan);
  return t.wan;
}
