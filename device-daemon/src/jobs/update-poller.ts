// The updater's loop, started (and loaded) by the daemon a few random minutes
// after start, or at once when an install was left open by a restart or a
// power cut. It checks now, then every ota.poll_hours with jitter, and looks
// every minute whether an install is due.
import type { UpdateService } from '../features/updates/service.ts';

export type PollerDeps = {
  load: () => Promise<UpdateService>;
  random: () => number;
  log: (line: string) => void;
  tickMs?: number;
};

export function startUpdatePoller(deps: PollerDeps) {
  let stopped = false;
  let checkTimer: NodeJS.Timeout | null = null;
  let tickTimer: NodeJS.Timeout | null = null;

  async function check() {
    if (stopped) return;
    try {
      const service = await deps.load();
      await service.check();
      await service.tick();
      if (!stopped) checkTimer = setTimeout(() => void check(), await service.nextCheckInMs(deps.random()));
      if (!tickTimer && !stopped) tickTimer = setInterval(() => void service.tick().catch((e: Error) => deps.log(`updates: ${e.message}`)), deps.tickMs ?? 60_000);
    } catch (error) {
      deps.log(`updates: ${(error as Error).message}`);
      if (!stopped) checkTimer = setTimeout(() => void check(), 15 * 60_000);
    }
  }
  void check();
  return {
    stop() {
      stopped = true;
      if (checkTimer) clearTimeout(checkTimer);
      if (tickTimer) clearInterval(tickTimer);
    },
  };
}
