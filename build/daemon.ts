// The daemon as one minified ESM file for Node 20: dist/daemon.mjs.
import { build } from 'esbuild';

export async function buildDaemon(outfile = 'dist/daemon.mjs'): Promise<void> {
  const result = await build({
    entryPoints: ['device-daemon/src/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  const bytes = Object.values(result.metafile.outputs)[0]?.bytes ?? 0;
  console.log(`daemon: ${outfile} ${bytes} bytes`);
}
