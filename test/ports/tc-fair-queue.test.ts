// The fair queue under the token bucket, at the level of the commands the
// shaper runs (this machine's kernel has no fq_codel, so the kernel suite
// covers the fallback; these cover the path OpenWrt takes). The state read
// back is the real capture of a shaped router (test/fixtures/linux/README.md).
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fqCodelFor, tcShaper } from '../../device-daemon/src/ports/shaper/tc.ts';
import type { CommandRunner } from '../../device-daemon/src/ports/types.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/linux/${name}`, import.meta.url), 'utf8');
const fair = suite('fq_codel under the tbf');

/** A kernel with fq_codel: reads answer from captures, changes succeed and are recorded. */
function kernel(qdiscs: string): CommandRunner & { changes: string[] } {
  const changes: string[] = [];
  const reads: Record<string, string> = {
    'ip -j link show': fixture('ip-j-link-show-shaped.json'),
    'tc -j qdisc show': qdiscs,
    'tc -j filter show dev wwan0 parent ffff:': fixture('tc-j-filter-show-wwan0-ingress.json'),
  };
  return {
    changes,
    async run(argv) {
      const command = argv.join(' ');
      if (command in reads) return { stdout: reads[command]!, stderr: '', code: 0 };
      changes.push(command);
      return { stdout: '', stderr: '', code: 0 };
    },
  };
}

fair('at 64 kbit/s codel waits 1.5 full packets (285 ms) and its interval is twice that, as cake tunes a slow link', () => {
  // A 1500-byte MTU is a 1518-byte frame as tc counts it: 189.75 ms at 64 kbit/s.
  assert.equal(fqCodelFor(64, 1500), { targetUs: 284_625, intervalUs: 569_250, quantum: 300, limit: 128, memoryLimit: 1_048_576 });
});

fair('at 100 Mbit/s the kernel defaults come back: target 5 ms, interval 100 ms', () => {
  const fast = fqCodelFor(100_000, 1500);
  assert.is(fast.targetUs, 5000);
  assert.is(fast.intervalUs, 100_000);
});

fair('at 2 Mbit/s the interval is 100 ms plus what the target grew by', () => {
  // 1518 bytes at 2 Mbit/s: 6.072 ms; 1.5 of it: 9.108 ms.
  const mid = fqCodelFor(2000, 1500);
  assert.is(mid.targetUs, 9108);
  assert.is(mid.intervalUs, 104_108);
});

fair('a tbf in place without its fair queue gets one on both the WAN and the IFB, tuned for each rate', async () => {
  const runner = kernel(fixture('tc-j-qdisc-show-all-shaped.json'));
  const shaper = tcShaper({ runner, wanDevice: 'wwan0' });
  await shaper.apply({ downKbit: 64, upKbit: 64 });
  const fq = 'fq_codel limit 128 target 284625us interval 569250us quantum 300 memory_limit 1048576';
  assert.equal(runner.changes, [
    `tc qdisc replace dev wwan0 parent 4d41:1 handle 4d42: ${fq}`,
    `tc qdisc replace dev ifb-wwan0 parent 4d41:1 handle 4d42: ${fq}`,
  ]);
  assert.is(shaper.queue(), 'fq_codel');
});

/** The capture with our fair queue under each tbf, in the shape tc dumps a child of 4d41:1. */
function withLeaves(): string {
  const all = JSON.parse(fixture('tc-j-qdisc-show-all-shaped.json')) as { dev: string }[];
  const leaf = (dev: string) => ({ kind: 'fq_codel', handle: '4d42:', dev, parent: '4d41:1', options: {} });
  return JSON.stringify([...all, leaf('wwan0'), leaf('ifb-wwan0')]);
}

fair('with both fair queues in place a second apply only reads', async () => {
  const runner = kernel(withLeaves());
  const shaper = tcShaper({ runner, wanDevice: 'wwan0' });
  await shaper.apply({ downKbit: 64, upKbit: 64 });
  assert.equal(runner.changes, []);
  assert.is(shaper.queue(), 'fq_codel');
});

fair('a new rate changes the tbf and re-tunes the fair queue under it, on that side only', async () => {
  const runner = kernel(withLeaves());
  await tcShaper({ runner, wanDevice: 'wwan0' }).apply({ downKbit: 1024, upKbit: 64 });
  const tuned = fqCodelFor(1024, 1500);
  assert.equal(runner.changes, [
    'tc qdisc replace dev ifb-wwan0 root handle 4d41: tbf rate 1024000bit burst 1600 limit 38400',
    `tc qdisc replace dev ifb-wwan0 parent 4d41:1 handle 4d42: fq_codel limit 128 target ${tuned.targetUs}us interval ${tuned.intervalUs}us quantum 300 memory_limit 1048576`,
  ]);
});

fair('any other failure of the fair queue is an error of the apply, not a silent fallback', async () => {
  const runner = kernel(fixture('tc-j-qdisc-show-all-shaped.json'));
  const failing: CommandRunner = {
    run: (argv, options) => (argv.includes('fq_codel') ? Promise.reject(new Error('tc was killed')) : runner.run(argv, options)),
  };
  const shaper = tcShaper({ runner: failing, wanDevice: 'wwan0' });
  try {
    await shaper.apply({ downKbit: 64, upKbit: 64 });
    assert.unreachable('the apply must fail');
  } catch (error) {
    assert.match((error as Error).message, /tc was killed/);
  }
  assert.is(shaper.queue(), 'unknown');
});

fair.run();
