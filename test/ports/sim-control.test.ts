// The simulator's control file (ports/sim/control.ts): the simulated wall clock
// jumps to the instant it names and runs on at the real pace, can be marked
// unsynced, goes back to the real time on null, and a bad file changes nothing
// and says which field is wrong. The router's bundle carries none of it.
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { simControl } from '../../device-daemon/src/ports/sim/control.ts';
import { SimDevice } from '../../device-daemon/src/ports/sim/device.ts';

const test = suite('the simulator control file');
const repo = join(import.meta.dirname, '../..');

function setup() {
  const file = join(mkdtempSync(join(tmpdir(), 'sim-control-')), 'control.json');
  let real = Date.parse('2026-11-29T18:00:00Z');
  const logs: string[] = [];
  const device = new SimDevice({ monotonic: () => 0 });
  const control = simControl(file, device, (l) => logs.push(l), () => real);
  let version = 0;
  // Each write gets a new mtime, as files written seconds apart do.
  const write = (text: string) => {
    writeFileSync(file, text);
    const t = new Date(Date.parse('2026-01-01T00:00:00Z') + ++version * 1000);
    utimesSync(file, t, t);
  };
  return { control, device, logs, write, advance: (ms: number) => void (real += ms), real: () => real };
}

test('without a control file the clock is the real one, and trusted', () => {
  const s = setup();
  assert.is(s.control.clock.now(), s.real());
  assert.ok(s.control.clock.trusted());
});

test('the clock jumps to the instant the file names and runs on at the real pace from there', () => {
  const s = setup();
  s.write(JSON.stringify({ clock: '2026-12-04T02:30:00+01:00' }));
  assert.is(s.control.clock.now(), Date.parse('2026-12-04T01:30:00Z'));
  s.advance(90_000);
  assert.is(s.control.clock.now(), Date.parse('2026-12-04T01:31:30Z'));
});

test('an unsynced clock is reported as not trusted, and null goes back to the real time', () => {
  const s = setup();
  s.write(JSON.stringify({ clock: '2026-12-04T01:30:00Z', clockTrusted: false }));
  assert.not.ok(s.control.clock.trusted());
  s.advance(300);
  s.write(JSON.stringify({ clock: null, clockTrusted: true }));
  assert.is(s.control.clock.now(), s.real());
  assert.ok(s.control.clock.trusted());
});

test('a bad file changes nothing and the log names the field', () => {
  const s = setup();
  s.write(JSON.stringify({ clock: 'tomorrow at 3', antennaDegrees: 10 }));
  assert.is(s.control.clock.now(), s.real());
  assert.is(s.device.modem.antennaDegrees, 40, 'the antenna did not turn either');
  assert.match(s.logs.join('\n'), /clock: an ISO 8601 instant/);
});

test('the modem settings of the file apply as before', () => {
  const s = setup();
  s.write(JSON.stringify({ antennaDegrees: 120, modemFault: 'no-sim' }));
  s.control.apply();
  assert.is(s.device.modem.antennaDegrees, 120);
  assert.is(s.device.modem.fault, 'no-sim');
});

test('the router never runs the clock override: only the simulator bundle has it', () => {
  const dist = join(repo, 'dist');
  const routerFiles = ['daemon.mjs', ...readdirSync(join(dist, 'daemon')).map((f) => `daemon/${f}`)];
  for (const f of routerFiles) assert.not.match(readFileSync(join(dist, f), 'utf8'), 'clockTrusted', f);
  assert.match(readFileSync(join(dist, 'sim.mjs'), 'utf8'), 'clockTrusted');
});

test.run();
