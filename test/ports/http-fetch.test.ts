// Downloads from a real HTTP server on loopback with the faults of issue 15,
// point 15. A file is used only when its size and sha256 match; a partial
// download resumes with Range when the server honours it exactly, and starts
// over when it does not.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { downloadFile, DownloadError, fetchDocument } from '../../device-daemon/src/ports/ota/http-fetch.ts';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.ts';

const http = suite('update downloads over HTTP');
const file = randomBytes(200_000);
const expected = { size: file.length, sha256: createHash('sha256').update(file).digest('hex') };
let server: FaultServer;
let dir: string;
let n = 0;
const dest = () => join(dir, `f${++n}`);

http.before(async () => {
  server = await startFaultServer();
  server.files.set('/files/a', file);
  server.files.set('/manifest.json', Buffer.from('{"format":1}'));
  dir = mkdtempSync(join(tmpdir(), 'ota-dl-'));
});
http.after(() => server.close());

async function fails(work: Promise<unknown>, reason: DownloadError['reason']): Promise<DownloadError> {
  try {
    await work;
  } catch (error) {
    assert.instance(error, DownloadError);
    assert.is((error as DownloadError).reason, reason, (error as Error).message);
    return error as DownloadError;
  }
  throw new Error(`expected a ${reason} failure`);
}

http('a clean download lands whole, and a second request for the document is a 304', async () => {
  const d = dest();
  let counted = 0;
  await downloadFile(`${server.url}/files/a`, d, expected, { onBytes: (b) => (counted += b) });
  assert.ok(readFileSync(d).equals(file));
  assert.is(counted, file.length, 'every byte moved is reported for the usage ledger');
  const first = await fetchDocument(`${server.url}/manifest.json`, null, 1024);
  assert.is(first.status, 'ok');
  const again = await fetchDocument(`${server.url}/manifest.json`, first.status === 'ok' ? first.etag : null, 1024);
  assert.is(again.status, 'not-modified');
});

http('no identity of the device goes out: no cookie, a plain user agent', () => {
  for (const r of server.requests) {
    assert.is(r.headers.cookie, undefined);
    assert.is(r.headers['user-agent'], 'modem-admin');
  }
});

http('a connection dropped after N bytes resumes with Range from where it stopped', async () => {
  const d = dest();
  server.faults.set('/files/a', [{ kind: 'drop-after', bytes: 70_000 }]);
  await fails(downloadFile(`${server.url}/files/a`, d, expected), 'network');
  assert.ok(readFileSync(`${d}.part`).length >= 1, 'the partial file is kept');
  server.requests.length = 0;
  await downloadFile(`${server.url}/files/a`, d, expected);
  assert.match(String(server.requests[0]!.headers.range), /^bytes=\d+-$/);
  assert.ok(server.requests[0]!.headers['if-range'], 'If-Range carries the ETag the download started with');
  assert.ok(readFileSync(d).equals(file));
});

http('a body that ends short of its length is not used, and resumes', async () => {
  const d = dest();
  server.faults.set('/files/a', [{ kind: 'truncate', bytes: 50_000 }]);
  await fails(downloadFile(`${server.url}/files/a`, d, expected), 'network');
  assert.not.ok(existsSync(d));
  await downloadFile(`${server.url}/files/a`, d, expected);
  assert.ok(readFileSync(d).equals(file));
});

http('a body that trickles stops after the idle limit instead of hanging', async () => {
  const d = dest();
  server.faults.set('/files/a', [{ kind: 'slow', chunkMs: 300 }]);
  const started = Date.now();
  await fails(downloadFile(`${server.url}/files/a`, d, expected, { idleMs: 100 }), 'timeout');
  assert.ok(Date.now() - started < 2000);
});

http('a server that ignores Range restarts the file cleanly from zero', async () => {
  const d = dest();
  server.faults.set('/files/a', [{ kind: 'drop-after', bytes: 30_000 }, { kind: 'ignore-range' }]);
  await fails(downloadFile(`${server.url}/files/a`, d, expected), 'network');
  await downloadFile(`${server.url}/files/a`, d, expected);
  assert.ok(readFileSync(d).equals(file));
});

http('a 206 with the wrong Content-Range is refused and the partial file dropped', async () => {
  const d = dest();
  server.faults.set('/files/a', [{ kind: 'drop-after', bytes: 30_000 }, { kind: 'wrong-range' }]);
  await fails(downloadFile(`${server.url}/files/a`, d, expected), 'network');
  await fails(downloadFile(`${server.url}/files/a`, d, expected), 'content-range');
  assert.not.ok(existsSync(`${d}.part`));
  await downloadFile(`${server.url}/files/a`, d, expected);
  assert.ok(readFileSync(d).equals(file));
});

http('a file whose ETag changed mid-download is fetched whole again, never spliced', async () => {
  const d = dest();
  const changed = randomBytes(file.length);
  server.faults.set('/files/b', [{ kind: 'drop-after', bytes: 40_000 }]);
  server.files.set('/files/b', file);
  await fails(downloadFile(`${server.url}/files/b`, d, expected), 'network');
  server.files.set('/files/b', changed);
  server.requests.length = 0;
  // If-Range no longer matches: the server sends the whole new file, which is not the signed one.
  await fails(downloadFile(`${server.url}/files/b`, d, expected), 'mismatch');
  assert.is(server.requests.length, 1);
  assert.not.ok(existsSync(d));
  assert.not.ok(existsSync(`${d}.part`));
});

http('a 416 drops the partial file and the next try starts over', async () => {
  const d = dest();
  server.faults.set('/files/a', [{ kind: 'drop-after', bytes: 30_000 }, { kind: '416' }]);
  await fails(downloadFile(`${server.url}/files/a`, d, expected), 'network');
  await fails(downloadFile(`${server.url}/files/a`, d, expected), 'status');
  await downloadFile(`${server.url}/files/a`, d, expected);
  assert.ok(readFileSync(d).equals(file));
});

http('wrong bytes of the right size fail the sha256 and are discarded', async () => {
  const d = dest();
  server.faults.set('/files/a', [{ kind: 'wrong-bytes' }]);
  await fails(downloadFile(`${server.url}/files/a`, d, expected), 'mismatch');
  assert.not.ok(existsSync(d));
});

http('an HTML error page served with 200 is never taken for the file', async () => {
  const d = dest();
  server.faults.set('/files/a', [{ kind: 'html-200' }]);
  await fails(downloadFile(`${server.url}/files/a`, d, expected), 'network');
  assert.not.ok(existsSync(d));
  // As a document it arrives, and the signature check (core/ota/verify.ts) refuses it.
  server.faults.set('/manifest.json', [{ kind: 'html-200' }]);
  const doc = await fetchDocument(`${server.url}/manifest.json`, null, 1024);
  assert.is(doc.status === 'ok' && new TextDecoder().decode(doc.bytes).startsWith('<html>'), true);
});

http('a document larger than its cap is refused', async () => {
  server.files.set('/big.json', Buffer.alloc(70_000, 32));
  await fails(fetchDocument(`${server.url}/big.json`, null, 65_536), 'too-large');
});

http('a redirect loop ends in an error, not a hang', async () => {
  server.faults.set('/files/a', Array.from({ length: 30 }, () => ({ kind: 'redirect-loop' as const })));
  await fails(downloadFile(`${server.url}/files/a`, dest(), expected), 'redirect');
  server.faults.delete('/files/a');
});

http('a server that is down fails fast, and works again when it is back', async () => {
  const d = dest();
  await server.down();
  await fails(downloadFile(`${server.url}/files/a`, d, expected), 'network');
  await server.up();
  await downloadFile(`${server.url}/files/a`, d, expected);
  assert.ok(readFileSync(d).equals(file));
});

http.run();
