// opkg on the device. The status file, not the exit code, says what is
// installed: opkg exits 0 when it refuses a downgrade or finds the package up
// to date, and after some failures (see core/ota/opkg-status.ts).
import { readFile } from 'node:fs/promises';
import { parseOpkgStatus } from '../../core/ota/opkg-status.ts';
import type { CommandRunner } from '../types.ts';
import { repackInstalled } from './ipk-repack.ts';
import type { PackagePort } from './types.ts';

export const OPKG_STATUS = '/usr/lib/opkg/status';

export function opkgPackages(runner: CommandRunner, service = 'modem-admin'): PackagePort {
  return {
    async status(name) {
      const entry = parseOpkgStatus(await readFile(OPKG_STATUS, 'utf8')).find((e) => e.package === name);
      return entry ? { version: entry.version, state: entry.state } : null;
    },
    install(file, options = {}) {
      const argv = ['opkg', 'install', ...(options.forceDowngrade ? ['--force-downgrade'] : []), file];
      // Exit codes are judged by the caller through status(); a long install is allowed 5 minutes.
      return runner.run(argv, { timeoutMs: 300_000, okCodes: [0, 1, 255] });
    },
    async restartService() {
      // Detached through procd: this process is the one being restarted.
      await runner.run(['/etc/init.d/' + service, 'restart'], { timeoutMs: 30_000 });
    },
    repack: (name) => repackInstalled('/', name),
  };
}
