// Builds the UI with Vite and stores it the way the flash holds it: every compressible file
// only as <name>.gz (gzip made by zopfli), the rest as is. The Vite manifest goes next to outDir's parent
// (dist/ui-manifest.json), where the daemon does not serve it, for build/size.ts.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipAsync } from '@gfx/zopfli';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../firmware-ui');
const compressible = /\.(html|js|mjs|css|svg|json|txt|map)$/;

/** Builds the UI into outDir and writes the manifest to `manifestPath`. */
export async function buildUi(outDir: string, manifestPath = join(dirname(outDir), 'ui-manifest.json')): Promise<void> {
  const staging = await mkdtemp(join(tmpdir(), 'ui-'));
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'warn',
      // Vite 8 transforms with oxc; preact's automatic runtime replaces @preact/preset-vite.
      oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
      build: {
        outDir: staging,
        emptyOutDir: true,
        manifest: 'manifest.json',
        // No preload helper (about 400 gzip bytes in the entry): a page's chunk then fetches the
        // shared chunk it imports one LAN round trip later, a millisecond or two.
        modulePreload: false,
        target: 'es2022',
        assetsInlineLimit: 0,
        reportCompressedSize: false,
        // A part of the strings is named by its language too: pl-overview-<hash>.js.
        rollupOptions: {
          output: { chunkFileNames: (chunk) => `assets/${/\/i18n\/(\w+)\//.exec(chunk.facadeModuleId ?? '')?.[1]?.concat('-') ?? ''}[name]-[hash].js` },
        },
      },
    });
    await mkdir(dirname(manifestPath), { recursive: true });
    await rename(join(staging, 'manifest.json'), manifestPath);
    await rm(outDir, { recursive: true, force: true });
    for (const file of await listFiles(staging)) {
      const to = join(outDir, relative(staging, file));
      await mkdir(dirname(to), { recursive: true });
      if (compressible.test(file)) {
        // Zopfli: gzip any browser reads, about 3% smaller than zlib's best; it costs build time only.
        await writeFile(`${to}.gz`, await gzipAsync(await readFile(file), { numiterations: 60 }));
      } else {
        await copyFile(file, to);
      }
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
