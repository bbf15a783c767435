// An ISP channel served by a real HTTP server on loopback, and the device's
// updater on the simulated device (opkg and sysupgrade stand-ins, a hand-moved
// clock), for the updates feature's tests.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseUciText } from '../../device-daemon/src/core/uci-text.ts';
import { createUpdateService, type UpdatesDeps } from '../../device-daemon/src/features/updates/service.ts';
import { simOpkg } from '../../device-daemon/src/ports/ota/opkg-sim.ts';
import { simSysupgrade } from '../../device-daemon/src/ports/ota/sysupgrade-sim.ts';
import type { Clock, StorePort } from '../../device-daemon/src/ports/types.ts';
import { noticeAdd } from '../../ota/channel-commands.ts';
import { startFaultServer, type FaultServer } from './fault-server.ts';
import { makeIpk } from './ipk.ts';
import { makeKeys, publishRelease, type ReleaseInput } from './ota-channel.ts';

export const BOARD = 'sim,lte-modem';
export const START_VERSION = '0.1.0-2';

/** The account-transfer notice of ISP document 001, in our words. */
export const TRANSFER_NOTICE = {
  id: 'account-transfer',
  kind: 'account',
  level: 'critical',
  audience: 'customers',
  text: {
    en: 'Your account is now serviced directly by the carrier. Call 1-800-233-8974 (Mon-Fri 8am-8pm EST) to continue your service.',
    pl: 'Twoje konto obsługuje teraz bezpośrednio operator sieci. Zadzwoń pod 1-800-233-8974 (pn-pt 8-20 EST), aby dalej korzystać z usługi.',
  },
};

export async function channel(now: number) {
  const keys = makeKeys(now);
  const server = await startFaultServer();
  /** Loads the published directory into the server, as an upload to a CDN would. */
  const sync = () => {
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
    for (const file of walk(keys.out)) server.files.set(`/${relative(keys.out, file)}`, readFileSync(file));
  };
  return {
    ...keys,
    server,
    sync,
    publish(releases: ReleaseInput[], files: Record<string, Uint8Array | string>, at = now) {
      publishRelease(keys.keys, keys.out, releases, files, at);
      sync();
    },
    notice(notice: object, at = now) {
      const file = join(keys.dir, `notice-${Math.random()}.json`);
      writeFileSync(file, JSON.stringify(notice));
      noticeAdd(keys.keys, keys.out, file, at);
      sync();
    },
    ipk: (version: string, options: Omit<Parameters<typeof makeIpk>[0], 'version'> = {}) => makeIpk({ version, ...options }),
  };
}

export type Channel = Awaited<ReturnType<typeof channel>> & { server: FaultServer };

export function otaConfig(url: string, rootLine: string, extra = ''): string {
  return `config ota 'ota'\n\toption url '${url}'\n\tlist root_key '${rootLine}'\n\toption window '01:00-06:00'\n${extra}`;
}

/** The device side: stand-ins with state in a directory that survives "reboots" (new services). */
export function device() {
  const dir = mkdtempSync(join(tmpdir(), 'ota-device-'));
  // The factory image: our package installed, with opkg's records, and no .ipk of it kept.
  const opkg = simOpkg(join(dir, 'root'), { name: 'modem-admin', version: START_VERSION, ipk: makeIpk({ version: START_VERSION }) });
  const firmware = simSysupgrade(join(dir, 'sysupgrade.json'), { version: '24.10.0', board: BOARD });
  let healthy = true;
  const flushes: number[] = [];
  return {
    dir,
    opkg,
    firmware,
    flushes,
    setHealthy: (h: boolean) => void (healthy = h),
    /** A service on this device (a new one is what the next boot makes). */
    service(parts: { config: string; store: StorePort; clock: Clock; countBytes?: (n: number) => void; planState?: UpdatesDeps['planState']; log?: (l: string) => void }) {
      return createUpdateService({
        packageName: 'modem-admin',
        uci: async () => parseUciText('modem-admin', parts.config),
        planTimeZone: () => 'Europe/Warsaw',
        planState: parts.planState ?? (() => 'normal'),
        store: parts.store,
        dir: join(dir, 'ota'),
        clock: parts.clock,
        packages: opkg,
        firmware,
        countBytes: parts.countBytes ?? (() => {}),
        flushState: async () => void flushes.push(parts.clock.now()),
        healthy: async () => healthy,
        log: parts.log ?? (() => {}),
      });
    },
  };
}
