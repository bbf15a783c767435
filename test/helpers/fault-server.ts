// A real HTTP server on loopback that serves files and misbehaves on demand,
// the way CDNs and captive portals do: drops the connection after N bytes,
// ends the body early, trickles it, ignores Range, answers the wrong
// Content-Range, changes the file (and its ETag) between requests, answers
// 416, serves other bytes, serves an HTML error page with 200, loops redirects,
// or is down for a while.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'drop-after'; bytes: number }
  | { kind: 'truncate'; bytes: number }
  | { kind: 'slow'; chunkMs: number }
  | { kind: 'ignore-range' }
  | { kind: 'wrong-range' }
  | { kind: '416' }
  | { kind: 'wrong-bytes' }
  | { kind: 'html-200' }
  | { kind: 'redirect-loop' };

export type FaultServer = {
  url: string;
  files: Map<string, Buffer>;
  /** Faults for the next requests, taken one per request (per path). */
  faults: Map<string, Fault[]>;
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
};

const etagOf = (b: Buffer) => `"${createHash('sha256').update(b).digest('hex').slice(0, 16)}"`;

export async function startFaultServer(): Promise<FaultServer> {
  const files = new Map<string, Buffer>();
  const faults = new Map<string, Fault[]>();
  const requests: FaultServer['requests'] = [];
  let port = 0;

  function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path, headers: req.headers });
    const fault = faults.get(path)?.shift();
    if (fault?.kind === 'redirect-loop') return void res.writeHead(302, { location: path }).end();
    if (fault?.kind === 'html-200') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><h1>Service temporarily unavailable</h1></body></html>');
    const body = files.get(path);
    if (!body) return void res.writeHead(404).end('not found');
    const etag = etagOf(body);
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    if (fault?.kind === '416') return void res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
    let status = 200;
    let start = 0;
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const ifRange = req.headers['if-range'];
    if (range && fault?.kind !== 'ignore-range' && (!ifRange || ifRange === etag)) {
      start = Number(range[1]);
      status = 206;
    }
    let payload = body.subarray(start);
    if (fault?.kind === 'wrong-bytes') payload = Buffer.from(payload).fill(0x41);
    const headers: Record<string, string | number> = { etag, 'content-length': payload.length, 'accept-ranges': 'bytes' };
    if (status === 206) headers['content-range'] = fault?.kind === 'wrong-range' ? `bytes 0-${body.length - 1}/${body.length}` : `bytes ${start}-${body.length - 1}/${body.length}`;
    res.writeHead(status, headers);
    if (fault?.kind === 'drop-after') {
      // Long enough for the client to have the bytes before the connection goes.
      res.write(payload.subarray(0, fault.bytes), () => setTimeout(() => res.socket?.destroy(), 150));
      return;
    }
    if (fault?.kind === 'truncate') {
      // The body ends cleanly but short of its Content-Length.
      res.socket?.end(payload.subarray(0, fault.bytes));
      return;
    }
    if (fault?.kind === 'slow') {
      let at = 0;
      const timer = setInterval(() => {
        if (res.destroyed || at >= payload.length) {
          clearInterval(timer);
          if (!res.destroyed) res.end();
          return;
        }
        res.write(payload.subarray(at, at + 16));
        at += 16;
      }, fault.chunkMs);
      res.on('close', () => clearInterval(timer));
      return;
    }
    res.end(payload);
  }

  let server: Server = createServer(handle);
  const listen = () =>
    new Promise<void>((resolve) => {
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    files,
    faults,
    requests,
    down: close,
    async up() {
      server = createServer(handle);
      await listen();
    },
    close,
  };
}
