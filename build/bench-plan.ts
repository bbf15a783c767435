// Figures for `npm run bench` that are not HTTP: the cost of one sampling tick
// with 35 clients (the simulated device, so only the daemon's own work counts),
// and the time from the cap being crossed to the shaper being in place.
import { execFileSync } from 'node:child_process';
import { readConfig } from '../device-daemon/src/core/config.ts';
import { parseUciText } from '../device-daemon/src/core/uci-text.ts';
import { manualClock } from '../device-daemon/src/ports/clock/system.ts';
import { createRunner } from '../device-daemon/src/ports/runner.ts';
import { tcShaper } from '../device-daemon/src/ports/shaper/tc.ts';
import { SimDevice } from '../device-daemon/src/ports/sim/device.ts';
import { simPorts } from '../device-daemon/src/ports/sim/ports.ts';
import type { ShaperPort } from '../device-daemon/src/ports/types.ts';
import { memoryStore } from '../device-daemon/src/ports/store/memory.ts';
import { createDevice } from '../device-daemon/src/device.ts';

async function rig(clients: number, cap: string, shaper?: (device: SimDevice) => ShaperPort) {
  let mono = 0;
  const clock = manualClock(Date.UTC(2026, 10, 21, 12));
  const device = new SimDevice({ monotonic: () => mono, clients, downBytesPerSecond: 2_000_000 });
  const config = readConfig(parseUciText('modem-admin', `config plan 'plan'\n\toption cap '${cap}'\n\toption timezone 'Europe/Warsaw'\n`));
  const uci = { show: async () => parseUciText('firewall', ''), batch: async () => {} };
  const sim = simPorts(device, uci, { wan: 'wwan0', now: clock.now, plan: () => ({ cap: null, units: 'GiB' }) });
  const ports = { ...sim, shaper: shaper ? shaper(device) : sim.shaper };

  const { runtime } = await createDevice({
    ports,
    config,
    clock: { wall: clock, monotonic: () => mono },
    stores: { flash: memoryStore(), ram: memoryStore() },
    pkg: 'modem-admin',
    labelSecret: 'BENCHBENCH',
    log: () => {},
    allowedHosts: () => new Set(),
    assets: new Map(),
  });
  const step = () => {
    mono += 1000;
    clock.advance(1000);
  };
  return { runtime, step, device, ports };
}

/** Microseconds of daemon work per 1 s tick with `clients` LAN clients (median of 5 runs of 2000 ticks). */
export async function tickCost(clients = 35): Promise<number> {
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const { runtime, step } = await rig(clients, '10000G');
    await runtime.start();
    for (let i = 0; i < 200; i++) {
      step();
      await runtime.tick();
    }
    const t0 = performance.now();
    for (let i = 0; i < 2000; i++) {
      step();
      await runtime.tick();
    }
    runs.push(((performance.now() - t0) * 1000) / 2000);
  }
  return runs.sort((a, b) => a - b)[2]!;
}

/**
 * From the tick that sees the cap crossed to the shaper in place, with the real tc
 * in a throwaway network namespace when we are root (else null). The tick itself
 * comes at most poll_ms after the crossing; that bound is reported beside it.
 */
export async function capToShapedMs(): Promise<number | null> {
  if (process.getuid?.() !== 0) return null;
  const ns = `bench-${process.pid}`;
  const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'ignore' });
  try {
    ip('netns', 'add', ns);
    ip('-n', ns, 'link', 'add', 'wwan0', 'type', 'veth', 'peer', 'name', 'isp0');
    ip('-n', ns, 'link', 'set', 'wwan0', 'up');
    ip('-n', ns, 'link', 'set', 'isp0', 'up');
  } catch {
    return null;
  }
  try {
    const base = createRunner();
    const inNs = { run: (argv: readonly string[], o?: Parameters<typeof base.run>[1]) => base.run(['ip', 'netns', 'exec', ns, ...argv], o) };
    const times: number[] = [];
    for (let r = 0; r < 5; r++) {
      const { runtime, step, device } = await rig(3, '3M', () => tcShaper({ runner: inNs, wanDevice: 'wwan0' }));
      await runtime.start();
      let crossed = false;
      while (!crossed) {
        step();
        const t0 = performance.now();
        await runtime.tick();
        if (runtime.status().usage.state === 'throttled') {
          times.push(performance.now() - t0);
          crossed = true;
        }
      }
      await tcShaper({ runner: inNs, wanDevice: 'wwan0' }).apply(null);
      void device;
    }
    return times.sort((a, b) => a - b)[2]!;
  } finally {
    ip('netns', 'del', ns);
  }
}
