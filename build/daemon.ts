// The daemon as one minified ESM file for Node 20 (dist/daemon.mjs), and the
// simulated device as a second file beside it (dist/sim.mjs), loaded only by
// --platform sim and linux. The router's package ships the first alone.
import { build, type BuildOptions } from 'esbuild';

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

export const SIM_BUNDLE = './sim.mjs';

export async function buildDaemon(dir = 'dist'): Promise<void> {
  const bundles: [string, string, BuildOptions][] = [
    ['device-daemon/src/main.ts', `${dir}/daemon.mjs`, { define: { SIM_BUNDLE: JSON.stringify(SIM_BUNDLE) }, external: [SIM_BUNDLE] }],
    ['device-daemon/src/sim-platform.ts', `${dir}/sim.mjs`, {}],
  ];
  for (const [entry, outfile, extra] of bundles) {
    const result = await build({ ...common, ...extra, entryPoints: [entry], outfile });
    const bytes = Object.values(result.metafile!.outputs)[0]?.bytes ?? 0;
    console.log(`daemon: ${outfile} ${bytes} bytes`);
  }
}
