// The tc JSON parsers and the shaper's reading of state, on real captured
// outputs (test/fixtures/linux/README.md names their sources). No root needed.
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ifbNameFor, tbfFor, tcShaper } from '../../device-daemon/src/ports/shaper/tc.ts';
import { ingressQdisc, kbitOf, parseFilters, parseLinks, parseQdiscs, redirectsTo, rootQdisc } from '../../device-daemon/src/ports/shaper/tc-parse.ts';
import { CommandError } from '../../device-daemon/src/ports/runner.ts';
import type { CommandRunner } from '../../device-daemon/src/ports/types.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/linux/${name}`, import.meta.url), 'utf8');

const parse = suite('tc -j parsers');

parse('reads the tbf rate in bytes per second and the ingress qdisc of a throttled WAN', () => {
  const qdiscs = parseQdiscs(fixture('tc-j-qdisc-show-wan0-throttled.json'));
  const root = rootQdisc(qdiscs);
  assert.is(root?.kind, 'tbf');
  assert.is(root?.options?.rate, 8000);
  assert.is(kbitOf(8000), 64);
  assert.is(ingressQdisc(qdiscs)?.handle, 'ffff:');
});

parse('tolerates the statistics keys of tc -s', () => {
  const [ifb] = parseQdiscs(fixture('tc-j-s-qdisc-show-ifb0-throttled.json'));
  assert.is(ifb?.options?.rate, 8000);
  assert.is((ifb as Record<string, unknown>).drops, 0);
});

parse('an untouched veth has only its default root qdisc and no ingress', () => {
  const qdiscs = parseQdiscs(fixture('tc-j-qdisc-show-unshaped.json'));
  assert.is(rootQdisc(qdiscs)?.kind, 'noqueue');
  assert.is(ingressQdisc(qdiscs), undefined);
});

parse('finds the mirred redirect to the IFB among the u32 filter entries', () => {
  const filters = parseFilters(fixture('tc-j-filter-show-wan0-ingress.json'));
  assert.is(filters.length, 3);
  assert.ok(redirectsTo(filters, 'ifb0'));
  assert.not.ok(redirectsTo(filters, 'ifb1'));
  assert.ok(redirectsTo(parseFilters(fixture('tc-j-filter-show-wwan0-ingress.json')), 'ifb-wwan0'));
});

parse('an empty filter list (tc prints nothing) is no filter', () => {
  assert.equal(parseFilters(''), []);
});

parse('ip -j link show (veth pair and an IFB): each link with its MTU and whether it is up', () => {
  const links = parseLinks(fixture('ip-j-link-show.json'));
  assert.equal(links.map((l) => [l.ifname, l.mtu, (l.flags ?? []).includes('UP')]), [['lo', 65536, false], ['wan1', 1500, true], ['wan0', 1500, true], ['ifb0', 1500, true]]);
  assert.throws(() => parseLinks('[{"ifname": "wan0"}]'), /ip -j link show: unreadable output \(0\.mtu: /);
});

parse('says what is wrong with output that is not tc JSON', () => {
  assert.throws(() => parseQdiscs('qdisc noqueue 0: root'), /not JSON/);
  assert.throws(() => parseQdiscs('[{"kind": 1}]'), /tc -j qdisc show: unreadable output \(0\.kind: /);
});

parse.run();

const reading = suite('tc shaper reading captured state');

function replay(files: Record<string, string>): CommandRunner & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async run(argv) {
      const command = argv.join(' ');
      calls.push(command);
      const file = files[command];
      if (file === undefined) throw new Error(`unexpected command: ${command}`);
      return { stdout: fixture(file), stderr: '', code: 0 };
    },
  };
}

const shaped = {
  'ip -j link show': 'ip-j-link-show-shaped.json',
  'tc -j qdisc show': 'tc-j-qdisc-show-all-shaped.json',
  'tc -j filter show dev wwan0 parent ffff:': 'tc-j-filter-show-wwan0-ingress.json',
};

reading('current() reads 64/64 kbit/s back from a shaped WAN and its IFB', async () => {
  const shaper = tcShaper({ runner: replay(shaped), wanDevice: 'wwan0' });
  assert.equal(await shaper.current(), { downKbit: 64, upKbit: 64 });
});

reading('apply() of the state in place asks once for a fair queue the kernel lacks, and then only reads', async () => {
  const runner = replay(shaped);
  const unknownKind = fixture('tc-qdisc-replace-fq-codel-unknown.stderr.txt');
  const kernel: CommandRunner = {
    run: (argv, options) =>
      argv.includes('fq_codel')
        ? (runner.calls.push(argv.join(' ')), Promise.reject(new CommandError(argv, { kind: 'exit', code: 2 }, '', unknownKind)))
        : runner.run(argv, options),
  };
  const shaper = tcShaper({ runner: kernel, wanDevice: 'wwan0' });
  await shaper.apply({ downKbit: 64, upKbit: 64 });
  assert.is(shaper.queue(), 'fifo');
  assert.is(runner.calls.filter((c) => c.includes('fq_codel')).length, 1, 'one try, on the WAN');
  runner.calls.length = 0;
  await shaper.apply({ downKbit: 64, upKbit: 64 });
  assert.equal(runner.calls.sort(), Object.keys(shaped).sort());
});

reading('a qdisc someone else made is not ours: current() is null', async () => {
  // The shared capture's tbf has an automatic handle, not ours.
  const runner = replay({ ...shaped, 'tc -j qdisc show': 'tc-j-qdisc-show-wan0-throttled.json' });
  assert.is(await tcShaper({ runner, wanDevice: 'wwan0' }).current(), null);
});

reading('the IFB name fits the kernel limit and the queue holds whole packets', () => {
  assert.is(ifbNameFor('wwan0'), 'ifb-wwan0');
  assert.is(ifbNameFor('wwan0-very-long'), 'ifb-wwan0-very-');
  assert.equal(tbfFor(64, 1500), { rateBytes: 8000, burst: 1600, limit: 12144 });
  const fast = tbfFor(100_000, 1500);
  assert.is(fast.burst, 125_000, '10 ms of traffic at 100 Mbit/s');
  assert.is(fast.limit, 3_750_000, '300 ms of traffic at 100 Mbit/s');
});

reading('rejects rates that are not positive whole kbit/s and names that are not interface names', async () => {
  const runner: CommandRunner = { run: () => Promise.reject(new Error('no command expected')) };
  assert.throws(() => tcShaper({ runner, wanDevice: '-x' }), RangeError);
  assert.throws(() => tcShaper({ runner, wanDevice: 'wwan0', ifbDevice: 'x'.repeat(16) }), RangeError);
  for (const bad of [0, -64, 1.5, Number.NaN]) {
    try {
      await tcShaper({ runner, wanDevice: 'wwan0' }).apply({ downKbit: bad, upKbit: 64 });
      assert.unreachable(`accepted ${bad}`);
    } catch (error) {
      assert.instance(error, RangeError);
    }
  }
});

reading.run();
