// npm run size: raw, gzip and brotli bytes of every UI file and of the daemon bundle, checked
// against budgets.json (KB = 1024 bytes): the whole UI, what a phone loads when it lands on
// sign-in, setup or the overview (one round trip of a new TCP connection, 14 KB), each other
// page's own code, and the banner's (loaded only when there is something to say). measureSizes() is exported for build/bench.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import budgets from './budgets.json' with { type: 'json' };

export type FileSize = { file: string; raw: number; gzip: number; brotli: number };
export type Sizes = {
  files: FileSize[];
  /** Every UI file, both languages. */
  ui: FileSize;
  /**
   * What a phone loads when it lands on sign-in, setup or the overview, in each language:
   * index.html, the entry and its CSS, the page's chunk and what it imports, the strings of both.
   */
  landings: FileSize[];
  /** Every other page's own code: its chunk, what it imports beyond the entry, its strings (per language). */
  pages: FileSize[];
  /** What the daemon loads at start: daemon.mjs and the chunks it imports (dist/daemon-files.json). */
  daemon: FileSize | null;
  /** Every daemon file the router gets, with the features loaded on first use. */
  daemonAll: FileSize | null;
};
type ManifestChunk = { file: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] };

function measure(file: string, stored: Buffer): FileSize {
  const raw = file.endsWith('.gz') ? gunzipSync(stored) : stored;
  return {
    file: file.replace(/\.gz$/, ''),
    raw: raw.length,
    gzip: file.endsWith('.gz') ? stored.length : gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function sum(file: string, sizes: FileSize[]): FileSize {
  return sizes.reduce((a, s) => ({ file, raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), {
    file,
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
}

const LANGS = ['en', 'pl'];
const LANDINGS = ['sign-in', 'setup', 'overview'];
/** Strings loaded only when first needed (the words for errors): not part of a landing. */
const ON_DEMAND = /^src\/i18n\/\w+\/errors\.ts$/;
/**
 * Parts the frame loads only when there is something to say (lost contact, a notice, a planned
 * update, the cap): not part of a landing, measured like a page. At the cap both load.
 */
const NEWS = { banner: ['src/banner.tsx', 'src/cap-banner.tsx'] };

/**
 * The files a module needs in one language: its chunk, its static imports, their CSS, and the
 * strings they load (src/i18n/<lang>/...). Other dynamic imports (pages) are not followed.
 */
function filesOf(manifest: Record<string, ManifestChunk>, key: string, lang: string, files = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return files;
  files.add(chunk.file);
  chunk.css?.forEach((css) => files.add(css));
  chunk.imports?.forEach((k) => filesOf(manifest, k, lang, files));
  chunk.dynamicImports?.filter((k) => k.startsWith(`src/i18n/${lang}/`) && !ON_DEMAND.test(k)).forEach((k) => filesOf(manifest, k, lang, files));
  return files;
}

export function measureSizes(dist = 'dist'): Sizes {
  const www = join(dist, 'www');
  const files = readdirSync(www, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((path) => measure(relative(www, path), readFileSync(path)));
  const manifest = JSON.parse(readFileSync(join(dist, 'ui-manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const pick = (name: string, wanted: Set<string>) => sum(name, files.filter((f) => wanted.has(f.file)));
  const landings: FileSize[] = [];
  const pages: FileSize[] = [];
  for (const lang of LANGS) {
    const entry = filesOf(manifest, 'index.html', lang, new Set(['index.html']));
    for (const key of Object.keys(manifest).filter((k) => /^src\/pages\/[\w-]+\.tsx$/.test(k) && manifest[k]!.isDynamicEntry)) {
      const name = key.slice('src/pages/'.length, -'.tsx'.length);
      const own = filesOf(manifest, key, lang);
      if (LANDINGS.includes(name)) landings.push(pick(`landing on ${name} (${lang})`, new Set([...entry, ...own])));
      else pages.push(pick(`${name} page's own (${lang})`, new Set([...own].filter((f) => !entry.has(f)))));
    }
    for (const [name, keys] of Object.entries(NEWS)) {
      const own = new Set<string>();
      keys.forEach((k) => filesOf(manifest, k, lang, own));
      pages.push(pick(`${name}'s own (${lang})`, new Set([...own].filter((f) => !entry.has(f)))));
    }
  }
  const listing = join(dist, 'daemon-files.json');
  let daemon: FileSize | null = null;
  let daemonAll: FileSize | null = null;
  if (existsSync(listing)) {
    const { start, onDemand } = JSON.parse(readFileSync(listing, 'utf8')) as { start: string[]; onDemand: string[] };
    const read = (files: string[]) => files.map((f) => measure(relative(dist, f), readFileSync(join(dist, relative(dist, f)))));
    daemon = sum(`daemon at start (${start.length} files)`, read(start));
    daemonAll = sum(`daemon, all files (${start.length + onDemand.length})`, read([...start, ...onDemand]));
  }
  return {
    files,
    ui: sum('UI, all files', files),
    landings,
    pages,
    daemon,
    daemonAll,
  };
}

/** Budget failures as sentences; empty when everything fits. */
export function overBudget(sizes: Sizes): string[] {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const checks: [string, number, number][] = [
    ['UI gzip', sizes.ui.gzip, budgets.uiTotalGzip],
    ...sizes.landings.map((l): [string, number, number] => [`${l.file} gzip`, l.gzip, budgets.landingGzip]),
    ...sizes.pages.map((p): [string, number, number] => [`${p.file} gzip`, p.gzip, budgets.pageGzip]),
  ];
  if (sizes.daemon) checks.push(['daemon at start, minified', sizes.daemon.raw, budgets.daemonMinified]);
  if (sizes.daemonAll) checks.push(['daemon, all files, minified', sizes.daemonAll.raw, budgets.daemonAllFilesMinified]);
  return checks.filter(([, size, max]) => size > max).map(([what, size, max]) => `${what} ${kb(size)} > ${kb(max)}`);
}

function table(sizes: Sizes): string {
  const rows = [...sizes.files, sizes.ui, ...sizes.landings, ...sizes.pages, ...(sizes.daemon ? [sizes.daemon] : []), ...(sizes.daemonAll ? [sizes.daemonAll] : [])];
  const width = Math.max(...rows.map((r) => r.file.length));
  const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(width)}  ${b.padStart(7)}  ${c.padStart(7)}  ${d.padStart(7)}`;
  return [
    line('file', 'raw', 'gzip', 'brotli'),
    ...rows.map((r, i) => {
      const text = line(r.file, String(r.raw), String(r.gzip), String(r.brotli));
      return i === sizes.files.length ? `${'-'.repeat(text.length)}\n${text}` : text;
    }),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = measureSizes();
  console.log(table(sizes));
  if (!sizes.daemon) console.log('daemon: not built yet (no dist/daemon-files.json), its budgets are not checked');
  const kb = (n: number) => (n / 1024).toFixed(0);
  console.log(
    `budgets (gzip unless said): UI ${kb(budgets.uiTotalGzip)} KB, landing on a page ${kb(budgets.landingGzip)} KB, any other page's own ${kb(budgets.pageGzip)} KB, ` +
      `daemon at start ${kb(budgets.daemonMinified)} KB minified, daemon with every feature ${kb(budgets.daemonAllFilesMinified)} KB minified`,
  );
  const failures = overBudget(sizes);
  for (const failure of failures) console.error(`over budget: ${failure}`);
  process.exit(failures.length ? 1 : 0);
}
