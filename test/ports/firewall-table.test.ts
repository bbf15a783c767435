// ports/firewall/nft.ts, nft-mac-block.ts and the accounting table against the
// command-level simulator of nft (test/helpers/os-sim/nft.ts): any order of
// desired states, with our tables flushed or deleted by someone else and the
// WAN coming back under another name in between, ends in the same rendered
// ruleset as applying the last state once. Runs without root on every npm
// test; test/kernel checks the same ports against the real kernel.
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { nftAccounting } from '../../device-daemon/src/ports/accounting/nft.ts';
import { nftFirewall } from '../../device-daemon/src/ports/firewall/nft.ts';
import { nftMacBlock } from '../../device-daemon/src/ports/firewall/nft-mac-block.ts';
import { parseNftListing } from '../../device-daemon/src/ports/firewall/nft-parse.ts';
import { seededRandom } from '../../device-daemon/src/ports/sim/random.ts';
import { NftSim, type Packet } from '../helpers/os-sim/nft.ts';

const table = suite('firewall, MAC block and accounting on the simulated nft');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/linux/${name}`, import.meta.url), 'utf8');
const MACS = ['02:00:00:00:00:01', '02:00:00:00:00:02', '02:00:00:00:00:0a', '02:00:00:00:00:0b'];

type Desired = { block: boolean; macs: string[]; accounting: boolean };

function ports(sim: NftSim, wan: string) {
  return { firewall: nftFirewall({ runner: sim, wanDevice: wan }), macBlock: nftMacBlock({ runner: sim }), accounting: nftAccounting({ runner: sim, lanDevice: 'br-lan', wanDevice: wan }) };
}

async function apply(p: ReturnType<typeof ports>, want: Desired): Promise<void> {
  await p.firewall.setBlocked(want.block);
  await p.macBlock.setBlocked(want.macs);
  await (want.accounting ? p.accounting.ensure() : p.accounting.remove());
}

/** What `nft -j list table inet NAME` prints on the simulator. */
async function listed(sim: NftSim, name: string): Promise<string> {
  return (await sim.run(['nft', '-j', 'list', 'table', 'inet', name])).stdout;
}

/** The captured JSON with the table's handle set to the simulator's (handles count every table the namespace ever had). */
function sameTableHandle(captured: string, simulated: string): unknown {
  const json = JSON.parse(captured);
  json.nftables[1].table.handle = JSON.parse(simulated).nftables[1].table.handle;
  return json;
}

table('the simulator prints what real nft printed for the block table, the MAC block and the accounting table', async () => {
  const sim = new NftSim();
  const p = ports(sim, 'wwan0');
  await p.accounting.ensure();
  // The captured counters, made by sending that many packets through the packet path.
  const captured = parseNftListing(fixture('nft-j-list-table-acct.json'));
  for (const set of captured.sets) {
    for (const raw of set.elem ?? []) {
      const { val, counter } = (raw as { elem: { val: string | { concat: string[] }; counter: { packets: number; bytes: number } } }).elem;
      const [address, mac] = typeof val === 'string' ? [val, '02:00:00:00:00:09'] : val.concat;
      const up = set.name.startsWith('up');
      for (let i = 0; i < counter.packets; i++) {
        const each = Math.floor(counter.bytes / counter.packets);
        const bytes = i === counter.packets - 1 ? counter.bytes - each * (counter.packets - 1) : each;
        const packet: Packet = up
          ? { iif: 'br-lan', oif: 'wwan0', family: address!.includes(':') ? 6 : 4, saddr: address!, daddr: '198.51.100.1', smac: mac!, bytes }
          : { iif: 'wwan0', oif: 'br-lan', family: address!.includes(':') ? 6 : 4, saddr: '198.51.100.1', daddr: address!, smac: '02:00:00:00:99:99', bytes };
        assert.is(sim.forward(packet), 'accept');
      }
    }
  }
  await p.firewall.setBlocked(true);
  await p.macBlock.setBlocked(['02:00:00:00:00:0a', '02:00:00:00:00:01']);
  for (const [name, file] of [
    ['modem_admin_block', 'nft-j-list-table-block.json'],
    ['modem_admin_clients', 'nft-j-list-table-mac-block.json'],
    ['modem_admin_acct', 'nft-j-list-table-acct.json'],
  ] as const) {
    const simulated = await listed(sim, name);
    assert.equal(parseNftListing(simulated), parseNftListing(fixture(file)), name);
    assert.equal(JSON.parse(simulated), sameTableHandle(fixture(file), simulated), `${name}: the same JSON, key for key`);
  }
});

table('any order of states, foreign flushes and a renamed WAN ends as the last state applied once (40 seeded runs)', async () => {
  for (let seed = 1; seed <= 40; seed++) {
    const random = seededRandom(seed);
    const pickState = (): Desired => ({ block: random() < 0.5, macs: MACS.filter(() => random() < 0.4), accounting: random() < 0.7 });
    const sim = new NftSim();
    let wan = 'wwan0';
    let p = ports(sim, wan);
    const steps: string[] = [];
    let state = pickState();
    for (let i = 0; i < 10; i++) {
      const r = random();
      const ours = ['modem_admin_block', 'modem_admin_clients', 'modem_admin_acct'].filter((t) => sim.state.tables.has(t));
      if (r < 0.15 && ours.length) {
        const victim = ours[Math.floor(random() * ours.length)]!;
        await sim.run(['nft', random() < 0.7 ? 'flush' : 'delete', 'table', 'inet', victim]);
        steps.push(`${sim.log.at(-1)}`);
      } else if (r < 0.2) {
        await sim.run(['nft', 'flush', 'ruleset']);
        steps.push('flush ruleset');
      } else if (r < 0.3) {
        wan = wan === 'wwan0' ? 'wwan1' : 'wwan0';
        p = ports(sim, wan);
        steps.push(`WAN now ${wan}`);
      } else if (r < 0.45) {
        await apply(p, state);
        steps.push('the same again');
      } else {
        state = pickState();
        await apply(p, state);
        steps.push(JSON.stringify(state));
      }
    }
    state = pickState();
    await apply(p, state);
    steps.push(JSON.stringify(state));
    const fresh = new NftSim();
    await apply(ports(fresh, wan), state);
    const story = `seed ${seed}: ${steps.join(' → ')}`;
    assert.is(sim.render(), fresh.render(), story);
    assert.is(await p.firewall.blocked(), state.block, story);
    assert.equal(await p.macBlock.blocked(), [...state.macs].sort(), story);
  }
});

table('applying the state in force changes nothing: only reads run', async () => {
  const sim = new NftSim();
  const p = ports(sim, 'wwan0');
  const state = { block: true, macs: [MACS[0]!], accounting: true };
  await apply(p, state);
  const before = sim.log.length;
  await apply(p, state);
  await apply(ports(sim, 'wwan0'), state);
  assert.ok(sim.log.slice(before).every((c) => c.startsWith('nft -j list ')), sim.log.slice(before).join('\n'));
});

table('the block drops forwarded traffic both ways on the WAN, and nothing between LAN and router', async () => {
  const sim = new NftSim();
  const { firewall } = ports(sim, 'wwan0');
  const out: Packet = { iif: 'br-lan', oif: 'wwan0', family: 4, saddr: '192.168.1.20', daddr: '198.51.100.1', smac: MACS[0]!, bytes: 100 };
  const back: Packet = { ...out, iif: 'wwan0', oif: 'br-lan', saddr: out.daddr, daddr: out.saddr };
  await firewall.setBlocked(true);
  assert.equal([sim.forward(out), sim.forward(back)], ['drop', 'drop']);
  assert.is(sim.forward({ ...out, oif: 'wlan0' }), 'accept');
  await firewall.setBlocked(false);
  assert.equal([sim.forward(out), sim.forward(back)], ['accept', 'accept']);
});

table('a MAC block whose rule someone flushed is reported as not in force and put back', async () => {
  const sim = new NftSim();
  const { macBlock } = ports(sim, 'wwan0');
  const from = (mac: string): Packet => ({ iif: 'br-lan', oif: 'wwan0', family: 6, saddr: 'fd00::20', daddr: '2001:db8::1', smac: mac, bytes: 80 });
  await macBlock.setBlocked([MACS[1]!.toUpperCase()]);
  assert.equal([sim.forward(from(MACS[1]!)), sim.forward(from(MACS[0]!))], ['drop', 'accept']);
  await sim.run(['nft', 'flush', 'table', 'inet', 'modem_admin_clients']);
  assert.is(sim.forward(from(MACS[1]!)), 'accept');
  assert.equal(await macBlock.blocked(), []);
  await macBlock.setBlocked([MACS[1]!]);
  assert.is(sim.forward(from(MACS[1]!)), 'drop');
});

table('a script nft would refuse fails as a whole, with nft\'s error text, and changes nothing', async () => {
  const sim = new NftSim();
  await ports(sim, 'wwan0').firewall.setBlocked(true);
  const before = sim.render();
  const refused = async (script: string, message: RegExp) => {
    const result = await sim.run(['nft', '-f', '-'], { input: script, okCodes: [0, 1] });
    assert.is(result.code, 1, script);
    assert.match(result.stderr, message);
    assert.is(sim.render(), before, `${script}: nothing applied`);
  };
  await refused('delete table inet modem_admin_block\nfrobnicate table inet x\n', /^\/dev\/stdin:2:\d+-\d+: Error: syntax error/);
  await refused('delete table inet nosuch\n', /^\/dev\/stdin:1:\d+-\d+: Error: Could not process rule: No such file or directory/);
  await refused('table inet t {\n  chain c {\n    type filter hook forward priority filter; policy accept;\n    ether saddr @nope drop\n  }\n}\n', /^\/dev\/stdin:4:.*Error: No such file or directory/);
  const missing = await sim.run(['nft', '-j', 'list', 'table', 'inet', 'nosuch'], { okCodes: [0, 1] });
  assert.equal([missing.code, missing.stderr.split('\n')[0]], [1, 'Error: No such file or directory']);
  await sim.run(['nft', 'flush', 'table', 'inet', 'nosuch']).then(
    () => assert.unreachable('flushing a missing table passed'),
    (error: Error) => assert.match(error.message, /Could not process rule: No such file or directory/),
  );
});

table('a command the simulator does not know is refused, not ignored', async () => {
  await new NftSim().run(['nft', 'add', 'rule', 'inet', 'fw4', 'forward', 'drop']).then(
    () => assert.unreachable('an unknown nft command passed'),
    (error: Error) => assert.match(error.message, /not simulated/),
  );
});

table.run();
