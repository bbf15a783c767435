// Where the simulated device keeps its opkg stand-in's root (status, info
// records, installed files) and its sysupgrade stand-in's state: used by the
// updater's stand-ins and read by the simulated system facts, which report
// the versions they have installed.
import { join } from 'node:path';

export const simOpkgRoot = (stateDir: string) => join(stateDir, 'sim', 'opkg');
export const simSysupgradeFile = (stateDir: string) => join(stateDir, 'sim', 'sysupgrade.json');
