// ports/accounting/nft.ts against the command-level simulator of nft
// (test/helpers/os-sim/nft.ts): traffic goes through the simulated forward
// hook, so what read() reports is what the table's rules counted. Runs without
// root on every npm test; test/kernel/accounting.test.ts checks the kernel.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { nftAccounting } from '../../device-daemon/src/ports/accounting/nft.ts';
import { nftFirewall } from '../../device-daemon/src/ports/firewall/nft.ts';
import { nftMacBlock } from '../../device-daemon/src/ports/firewall/nft-mac-block.ts';
import { seededRandom } from '../../device-daemon/src/ports/sim/random.ts';
import type { ClientCounter } from '../../device-daemon/src/ports/types.ts';
import { NftSim, type Packet } from '../helpers/os-sim/nft.ts';

const acct = suite('accounting on the simulated nft');
const A = '02:00:00:00:00:0a';
const B = '02:00:00:00:00:0b';
const INTERNET = '198.51.100.7';

const up = (mac: string, address: string, bytes: number, wan = 'wwan0'): Packet => ({
  iif: 'br-lan', oif: wan, family: address.includes(':') ? 6 : 4, saddr: address, daddr: address.includes(':') ? '2001:db8::7' : INTERNET, smac: mac, bytes,
});
const down = (address: string, bytes: number, wan = 'wwan0'): Packet => ({
  iif: wan, oif: 'br-lan', family: address.includes(':') ? 6 : 4, saddr: address.includes(':') ? '2001:db8::7' : INTERNET, daddr: address, smac: '02:00:00:00:99:99', bytes,
});

function device(wan = 'wwan0') {
  const sim = new NftSim();
  return { sim, accounting: nftAccounting({ runner: sim, lanDevice: 'br-lan', wanDevice: wan }) };
}

const row = (key: string, mac: string | null, addresses: string[], downBytes: number, upBytes: number): ClientCounter => ({ key, mac, addresses, downBytes, upBytes });

acct('each client is counted by MAC both ways, over IPv4 and IPv6, from its first packet', async () => {
  const { sim, accounting } = device();
  await accounting.ensure();
  for (const p of [up(A, '192.168.1.20', 1000), up(A, '192.168.1.20', 500), down('192.168.1.20', 4000), up(A, 'fd00::20', 80), down('fd00::20', 400), up(B, '192.168.1.30', 60)]) {
    assert.is(sim.forward(p), 'accept');
  }
  // Not forwarded to the WAN: router-bound and LAN-to-LAN traffic is not counted.
  sim.forward({ ...up(B, '192.168.1.30', 9999), oif: 'wlan0' });
  assert.equal(await accounting.read(), [
    row(A, A, ['192.168.1.20', 'fd00::20'], 4400, 1580),
    row(B, B, ['192.168.1.30'], 0, 60),
  ]);
});

acct('an address that only downloaded is keyed by the neighbour table, else by itself', async () => {
  const { sim, accounting } = device();
  await accounting.ensure();
  sim.forward(down('192.168.1.40', 60));
  sim.forward(down('192.168.1.50', 70));
  sim.neighbours = [
    { dev: 'br-lan', dst: '192.168.1.40', lladdr: '02:00:00:00:00:40', state: ['REACHABLE'] },
    { dev: 'br-lan', dst: '192.168.1.50', lladdr: '02:00:00:00:00:50', state: ['FAILED'] },
  ];
  assert.equal(await accounting.read(), [row('02:00:00:00:00:40', '02:00:00:00:00:40', ['192.168.1.40'], 60, 0), row('192.168.1.50', null, ['192.168.1.50'], 70, 0)]);
});

acct('what the WAN block or a MAC block drops is not counted', async () => {
  const { sim, accounting } = device();
  const firewall = nftFirewall({ runner: sim, wanDevice: 'wwan0' });
  const macBlock = nftMacBlock({ runner: sim });
  await accounting.ensure();
  await macBlock.setBlocked([B]);
  assert.equal([sim.forward(up(A, '192.168.1.20', 100)), sim.forward(up(B, '192.168.1.30', 100))], ['accept', 'drop']);
  await firewall.setBlocked(true);
  assert.is(sim.forward(up(A, '192.168.1.20', 100)), 'drop');
  assert.equal(await accounting.read(), [row(A, A, ['192.168.1.20'], 0, 100)]);
});

acct('a flushed table still holds its counts until ensure() puts the rules back, counting from zero', async () => {
  const { sim, accounting } = device();
  await accounting.ensure();
  sim.forward(up(A, '192.168.1.20', 100));
  await sim.run(['nft', 'flush', 'table', 'inet', 'modem_admin_acct']);
  sim.forward(up(A, '192.168.1.20', 100));
  assert.equal(await accounting.read(), [row(A, A, ['192.168.1.20'], 0, 100)]);
  await accounting.ensure();
  sim.forward(up(A, '192.168.1.20', 7));
  assert.equal(await accounting.read(), [row(A, A, ['192.168.1.20'], 0, 7)]);
});

acct('ensure() keeps the counts of a table made for the same devices, and replaces one made for another WAN', async () => {
  const { sim, accounting } = device();
  await accounting.ensure();
  sim.forward(up(A, '192.168.1.20', 100));
  await accounting.ensure();
  await nftAccounting({ runner: sim, lanDevice: 'br-lan', wanDevice: 'wwan0' }).ensure();
  assert.equal(await accounting.read(), [row(A, A, ['192.168.1.20'], 0, 100)]);
  const renamed = nftAccounting({ runner: sim, lanDevice: 'br-lan', wanDevice: 'wwan1' });
  await renamed.ensure();
  assert.is(sim.forward(up(A, '192.168.1.20', 5, 'wwan0')), 'accept');
  sim.forward(up(A, '192.168.1.20', 9, 'wwan1'));
  assert.equal(await renamed.read(), [row(A, A, ['192.168.1.20'], 0, 9)]);
});

acct('seeded traffic, flushes and re-ensures: read() matches the bytes sent since the last reset (40 runs)', async () => {
  for (let seed = 1; seed <= 40; seed++) {
    const random = seededRandom(seed);
    const { sim, accounting } = device();
    await accounting.ensure();
    const clients = [
      { mac: A, address: '192.168.1.20' },
      { mac: B, address: 'fd00::30' },
    ];
    // Bytes per client since the last reset, kept from the packets sent, independently of the table.
    let sent = new Map<string, { up: number; down: number }>();
    let counting = true;
    const steps: string[] = [];
    for (let i = 0; i < 30; i++) {
      const r = random();
      if (r < 0.1) {
        await sim.run(['nft', 'flush', 'table', 'inet', 'modem_admin_acct']);
        counting = false;
        steps.push('flush');
      } else if (r < 0.2) {
        await accounting.ensure();
        // ensure() of a flushed table replaces it: the counts start again.
        if (!counting) sent = new Map();
        counting = true;
        steps.push('ensure');
      } else {
        const c = clients[Math.floor(random() * clients.length)]!;
        const bytes = 40 + Math.floor(random() * 1460);
        const upload = random() < 0.5;
        sim.forward(upload ? up(c.mac, c.address, bytes) : down(c.address, bytes));
        if (counting) {
          const e = sent.get(c.mac) ?? { up: 0, down: 0 };
          if (upload) e.up += bytes;
          else e.down += bytes;
          sent.set(c.mac, e);
        }
        steps.push(`${upload ? 'up' : 'down'} ${c.mac} ${bytes}`);
      }
    }
    // A client that has not uploaded since the reset is known only by its address.
    const expected = clients
      .filter((c) => sent.has(c.mac))
      .map((c) => {
        const e = sent.get(c.mac)!;
        return e.up > 0 ? row(c.mac, c.mac, [c.address], e.down, e.up) : row(c.address, null, [c.address], e.down, 0);
      })
      .sort((x, y) => x.key.localeCompare(y.key));
    assert.equal(await accounting.read(), expected, `seed ${seed}: ${steps.join(', ')}`);
  }
});

acct('remove() takes the table away, and a second remove() is harmless', async () => {
  const { sim, accounting } = device();
  await accounting.ensure();
  await accounting.remove();
  await accounting.remove();
  assert.is(sim.render(), '[]');
  assert.equal(await accounting.read(), []);
});

acct.run();
