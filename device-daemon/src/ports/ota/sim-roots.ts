// Where the simulated device keeps its opkg stand-in's root (status, info
// records, installed files): read by the updater's stand-in and by the
// simulated system facts, which report the version it has installed.
import { join } from 'node:path';

export const simOpkgRoot = (stateDir: string) => join(stateDir, 'sim', 'opkg');
