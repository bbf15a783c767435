// The daemon for Node 20: dist/daemon.mjs, what it loads at start, with the
// features it loads on first use (middleware/lazy-feature.ts) as chunks in dist/daemon/;
// and the simulated device as dist/sim.mjs, loaded only by --platform sim and
// linux (the router's package does not ship it). dist/daemon-files.json lists
// which files load at start and which on demand, for the size budgets.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { readPackageSpec } from './package.ts';

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
};

// Imported from a chunk in dist/daemon/ (everything but the tiny entry lives there).
export const SIM_BUNDLE = '../sim.mjs';
/**
 * The package's version as opkg writes it (package.json's version, openwrt/Makefile's
 * PKG_RELEASE): what the daemon reports where opkg has no record of it, and
 * what the simulated device's opkg starts with.
 */
const VERSION = `${(JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version}-${readPackageSpec().release}`;

export type DaemonFiles = { start: string[]; onDemand: string[] };

/**
 * The entry, what it imports (it imports main.ts dynamically, once the signals
 * are taken) and every chunk those import statically load at start; the rest on demand.
 */
function classify(metafile: Metafile, entry: string): DaemonFiles {
  const start = new Set<string>();
  const visit = (file: string, kinds: string[]) => {
    if (start.has(file)) return;
    start.add(file);
    for (const imp of metafile.outputs[file]?.imports ?? []) if (kinds.includes(imp.kind) && !imp.external) visit(imp.path, ['import-statement']);
  };
  visit(entry, ['import-statement', 'dynamic-import']);
  const all = Object.keys(metafile.outputs).filter((f) => f.endsWith('.mjs'));
  return { start: [...start], onDemand: all.filter((f) => !start.has(f)) };
}

export async function buildDaemon(dir = 'dist'): Promise<DaemonFiles> {
  // Chunk names carry content hashes: clear out the last build's.
  rmSync(`${dir}/daemon`, { recursive: true, force: true });
  const daemon = await build({
    ...common,
    entryPoints: { daemon: 'device-daemon/src/entry.ts' },
    outdir: dir,
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'daemon/[name]-[hash]',
    define: { SIM_BUNDLE: JSON.stringify(SIM_BUNDLE), PACKAGE_VERSION: JSON.stringify(VERSION) },
    external: [SIM_BUNDLE],
  });
  const files = classify(daemon.metafile!, `${dir}/daemon.mjs`);
  writeFileSync(`${dir}/daemon-files.json`, `${JSON.stringify(files, null, 2)}\n`);
  await build({ ...common, entryPoints: ['device-daemon/src/sim-platform.ts'], outfile: `${dir}/sim.mjs`, define: { PACKAGE_VERSION: JSON.stringify(VERSION) } });
  const bytes = (list: string[]) => list.reduce((sum, f) => sum + (daemon.metafile!.outputs[f]?.bytes ?? 0), 0);
  console.log(`daemon: ${bytes(files.start)} bytes at start (${files.start.length} files), ${bytes(files.onDemand)} on demand (${files.onDemand.length} files)`);
  return files;
}
