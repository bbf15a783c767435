// Builds the UI with Vite and stores it the way the flash holds it: every compressible file
// only as <name>.gz (gzip made by zopfli), the rest as is. The Vite manifest goes next to outDir's parent
// (dist/ui-manifest.json), where the daemon does not serve it, for build/size.ts.
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipAsync } from '@gfx/zopfli';
import { build, type Plugin } from 'vite';

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
      plugins: [noPreloadHelper(), shortKeys()],
      build: {
        outDir: staging,
        emptyOutDir: true,
        manifest: 'manifest.json',
        // Every page but the overview is one chunk and all CSS is in the entry's file, so there is
        // nothing to preload: without it Vite leaves out its preload helper (about 500 bytes).
        modulePreload: false,
        target: 'es2022',
        assetsInlineLimit: 0,
        reportCompressedSize: false,
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
        await writeFile(`${to}.gz`, await gzipAsync(await readFile(file), { numiterations: 15 }));
      } else {
        await copyFile(file, to);
      }
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Vite wraps every dynamic import in its preload helper (about 500 bytes, 300 gzip), which only
 * matters when a lazy chunk has dependencies to fetch first. Ours have none (one lazy chunk of
 * pages, one of Polish, all CSS in the entry), so the helper becomes a plain call; the build
 * fails if a dynamic import ever gets dependencies, so they are never dropped unnoticed.
 */
function noPreloadHelper(): Plugin {
  const id = '\0vite/preload-helper.js';
  return {
    name: 'no-preload-helper',
    enforce: 'pre',
    resolveId: (source) => (source === id ? id : null),
    load: (source) => (source === id ? 'export const __vitePreload = (load) => load();' : null),
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.code.includes('__vite__mapDeps')) {
          this.error(`${chunk.fileName}: a dynamic import has dependencies to preload; remove noPreloadHelper() in build/ui.ts`);
        }
      }
    },
  };
}

/**
 * Message keys ('ac.titleInstaller') are written in the English parts, the Polish dictionary
 * and every t() call: about 900 gzip bytes over the UI. This gives each key a short name ('a',
 * 'b', ..., 'aB') in the built code, the same in every chunk. A key a page builds at run time
 * (`c.state.${state}`, `n.${notice.code}`) keeps its name: every key that starts with the
 * constant head of such a template literal is left as it is. Keys built any other way (with +)
 * would break, so the build refuses them.
 */
function shortKeys(): Plugin {
  const src = resolve(root, 'src');
  let names = new Map<string, string>();
  const literal = /(["'`])([\w.-]+)\1/g;
  return {
    name: 'short-i18n-keys',
    async buildStart() {
      const files = (await listFiles(src)).filter((f) => /\.tsx?$/.test(f));
      const texts = files.map((f) => [f, readFileSync(f, 'utf8')] as const);
      const dynamic = new Set<string>();
      for (const [file, text] of texts) {
        for (const m of text.matchAll(/`([a-z][\w-]*\.[\w.-]*)\$\{/g)) dynamic.add(m[1]!);
        if (/(['"])[a-z][\w-]*\.\1\s*\+/.test(text)) this.error(`${file}: build message keys with a template literal, not +`);
      }
      const keys = texts
        .filter(([file]) => /\/i18n\/en(\.ts|\/)/.test(file))
        .flatMap(([, text]) => [...text.matchAll(/^\s*'([a-z][\w-]*\.[\w.-]+)':/gm)].map((m) => m[1]!))
        .filter((key) => ![...dynamic].some((head) => key.startsWith(head)));
      names = new Map(keys.map((key, i) => [key, shortName(i)]));
    },
    transform(code, id) {
      if (!id.startsWith(src)) return null;
      return code.replace(literal, (whole, quote: string, text: string) => (names.has(text) ? quote + names.get(text) + quote : whole));
    },
  };
}

/** 0 → 'a', 51 → 'Z', 52 → 'aa': identifiers, so the minifier writes them unquoted. */
function shortName(i: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do {
    name += letters[i % 52];
    i = Math.floor(i / 52) - 1;
  } while (i >= 0);
  return name;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
