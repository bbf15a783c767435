// ports/shaper/tc.ts against the command-level simulator of ip and tc
// (test/helpers/os-sim): any order of desired states, with modem reconnects in
// between, ends in the same rendered tc tree as applying the last state once.
// Runs without root on every npm test; the kernel suites check the real thing.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { seededRandom } from '../../device-daemon/src/ports/sim/random.ts';
import { tcShaper } from '../../device-daemon/src/ports/shaper/tc.ts';
import type { ShaperState } from '../../device-daemon/src/ports/types.ts';
import { TcSim } from '../helpers/os-sim/links-and-tc.ts';
import { parseFilters, parseQdiscs } from '../../device-daemon/src/ports/shaper/tc-parse.ts';
import { readFileSync } from 'node:fs';

const table = suite('shaper on the simulated tc');
const STATES: ShaperState[] = [null, { downKbit: 64, upKbit: 64 }, { downKbit: 128, upKbit: 256 }, { downKbit: 10_000, upKbit: 2_000 }];

function device() {
  const sim = new TcSim();
  sim.addDevice('wwan0');
  return { sim, shaper: tcShaper({ runner: sim, wanDevice: 'wwan0' }) };
}

table('the simulator prints what the real tools print: the same parse as the captured outputs', () => {
  const fixture = (name: string) => readFileSync(new URL(`../fixtures/linux/${name}`, import.meta.url), 'utf8');
  const { sim } = device();
  const wan = sim.links.get('wwan0')!;
  wan.ingress = true;
  wan.redirectTo = 'ifb0';
  const simulated = parseQdiscs(JSON.stringify(sim.renderQdiscs())).map((q) => `${q.kind} ${q.handle}`);
  const captured = parseQdiscs(fixture('tc-j-qdisc-show-unshaped.json')).map((q) => `${q.kind} ${q.handle}`);
  assert.ok(captured.includes('noqueue 0:') && simulated.includes('noqueue 0:'));
  const filters = JSON.parse(sim.render()).filters[0].filters as unknown[];
  assert.equal(parseFilters(JSON.stringify(filters)), parseFilters(fixture('tc-j-filter-show-wan0-ingress.json')));
});

table('any order of states and reconnects ends as the last state applied once (40 seeded runs)', async () => {
  for (let seed = 1; seed <= 40; seed++) {
    const random = seededRandom(seed);
    const pick = () => STATES[Math.floor(random() * STATES.length)]!;
    const { sim, shaper } = device();
    const steps: string[] = [];
    for (let i = 0; i < 8; i++) {
      if (random() < 0.25) {
        sim.removeDevice('wwan0');
        sim.addDevice('wwan0');
        steps.push('reconnect');
      } else {
        const state = pick();
        await shaper.apply(state);
        steps.push(JSON.stringify(state));
      }
    }
    const last = pick();
    await shaper.apply(last);
    steps.push(JSON.stringify(last));
    const fresh = device();
    await fresh.shaper.apply(last);
    assert.is(sim.render(), fresh.sim.render(), `seed ${seed}: ${steps.join(' → ')}`);
    assert.equal(await shaper.current(), last, `seed ${seed}: current() reads back the last state`);
  }
});

table('applying the state in force changes nothing: only reads run', async () => {
  const { sim, shaper } = device();
  await shaper.apply({ downKbit: 64, upKbit: 64 });
  const before = sim.log.length;
  await shaper.apply({ downKbit: 64, upKbit: 64 });
  assert.ok(sim.log.slice(before).every((c) => / -j /.test(c)), sim.log.slice(before).join('\n'));
});

table('a command the simulator does not know is refused, not ignored', async () => {
  const { sim } = device();
  await sim.run(['tc', 'qdisc', 'add', 'dev', 'wwan0', 'root', 'htb']).then(
    () => assert.unreachable('an unknown tc command passed'),
    (error: Error) => assert.match(error.message, /not simulated/),
  );
});

table.run();
