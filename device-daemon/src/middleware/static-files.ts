// The UI, from dist/www where the build stores compressible files only as .gz.
// Every file is read once at start into a table keyed by URL path, so a request
// path is only ever looked up, never joined onto the file system: no traversal.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono/tiny';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
  png: 'image/png',
  ico: 'image/x-icon',
  webmanifest: 'application/manifest+json',
  woff2: 'font/woff2',
};

type Asset = { body: Uint8Array<ArrayBuffer>; gzip: boolean; type: string; etag: string; immutable: boolean };

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function loadAssets(root: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const file of walk(root)) {
    const gzip = file.endsWith('.gz');
    const url = `/${relative(root, gzip ? file.slice(0, -3) : file).split('\\').join('/')}`;
    const ext = url.slice(url.lastIndexOf('.') + 1);
    const body = new Uint8Array(readFileSync(file));
    assets.set(url, {
      body,
      gzip,
      type: TYPES[ext] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      // Vite puts content-hashed names under /assets/: they can be cached for good.
      immutable: url.startsWith('/assets/'),
    });
  }
  return assets;
}

export function staticRoutes(assets: Map<string, Asset>) {
  return new Hono().get('*', (c) => {
    const path = c.req.path;
    if (path.startsWith('/api/') || path === '/api') return c.json({ error: 'no such API endpoint' }, 404);
    // Page routes of the single-page app fall back to index.html; missing files stay 404.
    const asset = assets.get(path === '/' ? '/index.html' : path) ?? (path.includes('.') ? undefined : assets.get('/index.html'));
    if (!asset) return c.text('not found', 404);
    c.header('Content-Type', asset.type);
    c.header('ETag', asset.etag);
    c.header('Cache-Control', asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    c.header('Vary', 'Accept-Encoding');
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
    if (!asset.gzip) return c.body(asset.body);
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      c.header('Content-Encoding', 'gzip');
      return c.body(asset.body);
    }
    return c.body(new Uint8Array(gunzipSync(asset.body)));
  });
}
