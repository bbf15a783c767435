// The update channel over HTTP, with node's fetch: no device identity sent
// (no cookies, no id in the URL, a plain User-Agent), every read bounded in
// size and time. Documents use conditional GET (ETag); files resume with
// Range, and are trusted only after size and sha256 match the signed manifest.
import { createHash } from 'node:crypto';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';

export class DownloadError extends Error {
  override readonly name = 'DownloadError';
  constructor(
    readonly reason: 'network' | 'status' | 'too-large' | 'timeout' | 'content-range' | 'mismatch' | 'redirect',
    message: string,
  ) {
    super(message);
  }
}

export type FetchOptions = { timeoutMs?: number; idleMs?: number; onBytes?: (n: number) => void };

const HEADERS = { 'user-agent': 'modem-admin', accept: '*/*' };

async function request(url: string, headers: Record<string, string>, options: FetchOptions): Promise<{ response: Response; signal: AbortSignal; abort: () => void }> {
  const controller = new AbortController();
  const total = setTimeout(() => controller.abort(new DownloadError('timeout', `${url}: no answer within ${options.timeoutMs ?? 60_000} ms`)), options.timeoutMs ?? 60_000);
  total.unref?.();
  controller.signal.addEventListener('abort', () => clearTimeout(total));
  try {
    const response = await fetch(url, { headers: { ...HEADERS, ...headers }, redirect: 'follow', signal: controller.signal, credentials: 'omit' });
    return { response, signal: controller.signal, abort: () => controller.abort() };
  } catch (error) {
    clearTimeout(total);
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? '';
    if (controller.signal.reason instanceof DownloadError) throw controller.signal.reason;
    if (/redirect/i.test(cause) || /redirect/i.test((error as Error).message)) throw new DownloadError('redirect', `${url}: too many redirects`);
    throw new DownloadError('network', `${url}: ${cause || (error as Error).message}`);
  }
}

/** Reads a body chunk by chunk, giving up when it stalls for `idleMs` or passes `max` bytes. */
async function* chunks(url: string, response: Response, max: number, options: FetchOptions, abort: () => void): AsyncGenerator<Uint8Array> {
  if (!response.body) return;
  const reader = response.body.getReader();
  let seen = 0;
  try {
    for (;;) {
      let idle: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, reject) => {
        idle = setTimeout(() => reject(new DownloadError('timeout', `${url}: the body stalled for ${options.idleMs ?? 20_000} ms`)), options.idleMs ?? 20_000);
      });
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await Promise.race([reader.read(), stalled]);
      } catch (error) {
        if (error instanceof DownloadError) throw error;
        throw new DownloadError('network', `${url}: the connection dropped (${(error as Error).message})`);
      } finally {
        clearTimeout(idle);
      }
      if (next.done) return;
      seen += next.value.length;
      options.onBytes?.(next.value.length);
      if (seen > max) throw new DownloadError('too-large', `${url}: more than ${max} bytes`);
      yield next.value;
    }
  } finally {
    abort();
    reader.releaseLock();
  }
}

export type DocumentResult = { status: 'not-modified' } | { status: 'ok'; bytes: Uint8Array; etag: string | null };

/** A small document (manifest, signature, key chain), conditional on its last ETag. */
export async function fetchDocument(url: string, etag: string | null, maxBytes: number, options: FetchOptions = {}): Promise<DocumentResult> {
  const { response, abort } = await request(url, etag ? { 'if-none-match': etag } : {}, options);
  if (response.status === 304) {
    abort();
    return { status: 'not-modified' };
  }
  if (response.status !== 200) {
    abort();
    throw new DownloadError('status', `${url}: HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    abort();
    throw new DownloadError('too-large', `${url}: ${declared} bytes, more than ${maxBytes}`);
  }
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks(url, response, maxBytes, options, abort)) parts.push(chunk);
  return { status: 'ok', bytes: Buffer.concat(parts), etag: response.headers.get('etag') };
}

/** "bytes START-END/TOTAL" exactly as asked, or null. */
function contentRange(text: string | null): { start: number; end: number; total: number } | null {
  const m = text ? /^bytes (\d+)-(\d+)\/(\d+)$/.exec(text.trim()) : null;
  return m ? { start: Number(m[1]), end: Number(m[2]), total: Number(m[3]) } : null;
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  const file = await open(path, 'r');
  try {
    for await (const chunk of file.createReadStream()) hash.update(chunk as Buffer);
  } finally {
    await file.close().catch(() => {});
  }
  return hash.digest('hex');
}

export type Expected = { size: number; sha256: string };

/**
 * Downloads `url` to `dest`, resuming a partial `dest.part` with Range (and
 * If-Range on the ETag it started with, so a file that changed on the server
 * restarts instead of being spliced). A 206 must answer exactly the range
 * asked; a 200 to a Range request restarts from zero. The file is renamed into
 * place only when its size and sha256 match.
 */
export async function downloadFile(url: string, dest: string, expected: Expected, options: FetchOptions = {}): Promise<void> {
  const part = `${dest}.part`;
  const etagFile = `${dest}.etag`;
  let have = await sizeOf(part);
  if (have > expected.size) {
    await rm(part, { force: true });
    have = 0;
  }
  let etag: string | null = null;
  if (have > 0) {
    try {
      etag = (await readFile(etagFile, 'utf8')) || null;
    } catch {
      etag = null;
    }
  }
  if (have === expected.size) {
    if ((await hashFile(part)) === expected.sha256) return void (await rename(part, dest));
    await rm(part, { force: true });
    have = 0;
  }
  const headers: Record<string, string> = have > 0 ? { range: `bytes=${have}-`, ...(etag ? { 'if-range': etag } : {}) } : {};
  const { response, abort } = await request(url, headers, options);
  let offset: number;
  if (have > 0 && response.status === 206) {
    const range = contentRange(response.headers.get('content-range'));
    if (!range || range.start !== have || range.end !== expected.size - 1 || range.total !== expected.size) {
      abort();
      await rm(part, { force: true });
      throw new DownloadError('content-range', `${url}: asked for bytes ${have}-, got Content-Range ${response.headers.get('content-range') ?? 'none'}; starting over`);
    }
    offset = have;
  } else if (response.status === 200) {
    offset = 0; // a server that ignores Range (or a changed file): start clean
  } else if (response.status === 416) {
    abort();
    await rm(part, { force: true });
    throw new DownloadError('status', `${url}: HTTP 416 for bytes ${have}-; starting over`);
  } else {
    abort();
    throw new DownloadError('status', `${url}: HTTP ${response.status}`);
  }
  const file = await open(part, offset === 0 ? 'w' : 'a');
  try {
    if (offset === 0) await writeFile(etagFile, response.headers.get('etag') ?? '');
    for await (const chunk of chunks(url, response, expected.size - offset, options, abort)) await file.write(chunk);
    await file.sync();
  } finally {
    await file.close();
  }
  const got = await sizeOf(part);
  if (got !== expected.size) throw new DownloadError('network', `${url}: the body ended after ${got} of ${expected.size} bytes; will resume`);
  if ((await hashFile(part)) !== expected.sha256) {
    await rm(part, { force: true });
    throw new DownloadError('mismatch', `${url}: the file does not match its sha256; discarded`);
  }
  await rename(part, dest);
  await rm(etagFile, { force: true });
}
