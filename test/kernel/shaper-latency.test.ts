// A throttled line that stays usable: round trips from the LAN while a bulk
// download or upload fills the 64 kbit/s throttle, through the real tc shaper
// in network namespaces.
//
// At 64 kbit/s one 1514-byte frame takes 189 ms on the wire. With fq_codel
// under the tbf (OpenWrt's kernels), a probe waits for the bulk packet being
// sent and about one more, so its round trip stays under 3 full packets. A
// kernel without fq_codel (this machine's test kernel) keeps tbf's byte FIFO:
// the probe waits behind whatever of the 8-packet queue (tbfFor's limit) the
// bulk flow has filled, so its round trip is at most that queue plus the
// packet on the wire and the other direction's packet: 10 full packets, and
// a probe that finds the queue full is dropped.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { tbfFor, tcShaper } from '../../device-daemon/src/ports/shaper/tc.ts';
import { kernelHasFqCodel, median, throttledRtt } from '../helpers/throttled-rtt.ts';
import { withNetns } from '../helpers/netns.ts';
import { routerTopology, WAN } from '../helpers/router-topology.ts';
import { missing } from '../helpers/requires.ts';

const latency = suite('round trips through the 64 kbit/s throttle');
const reason = missing({ root: true, commands: ['ip', 'tc', 'ping'] });
if (reason) console.log(`  skipping throttled round-trip tests: ${reason}`);
const test = reason ? latency.skip : latency;

const FRAME_MS = (1514 * 8) / 64;

test('ping and DNS-sized UDP stay within the queue bound of the kernel queue while bulk TCP fills either direction', async () => {
  await withNetns(async (net) => {
    const fqCodel = await kernelHasFqCodel(net);
    const t = await routerTopology(net);
    const shaper = tcShaper({ runner: { run: (argv, o) => net.exec(t.router, argv, o) }, wanDevice: WAN });
    await shaper.apply({ downKbit: 64, upKbit: 64 });
    assert.is(shaper.queue(), fqCodel ? 'fq_codel' : 'fifo', 'the shaper found what the kernel offers');

    const fifoFrames = tbfFor(64, 1500).limit / 1514;
    const bound = fqCodel ? 3 * FRAME_MS : (fifoFrames + 2) * FRAME_MS;
    const idle = await throttledRtt(net, t, 'idle', 64);
    console.log(`    queue ${shaper.queue()}; idle: ping ${median(idle.pingMs)} ms, udp ${median(idle.udpMs)} ms`);
    assert.ok(median(idle.pingMs) < FRAME_MS, `idle ping ${median(idle.pingMs)} ms`);
    for (const load of ['up', 'down'] as const) {
      const r = await throttledRtt(net, t, load, 64);
      const line = `${load}load: ping median ${median(r.pingMs)} ms (max ${Math.max(...r.pingMs)}, ${r.pingMs.length} of 10 answered), udp median ${median(r.udpMs)} ms (max ${Math.max(...r.udpMs)}, ${r.udpLost} lost), bulk ${r.bulkKbit?.toFixed(1)} kbit/s`;
      console.log(`    ${line}`);
      // A full FIFO drops whatever arrives (tail drop), probes too, often most of
      // them; a fair queue drops from the bulk flow's own packets instead.
      const answered = [...r.pingMs, ...r.udpMs];
      assert.ok(answered.length >= (fqCodel ? 18 : 1), `more probes lost than the queue explains: ${line}`);
      assert.ok(Math.max(...answered) <= bound, `over ${Math.round(bound)} ms: ${line}`);
      // The bulk flow really filled the line: the probes waited behind it.
      assert.ok(median(answered) > FRAME_MS / 2, `the probes did not wait for the bulk flow: ${line}`);
    }
  });
});

latency.run();
