// The HTTP server around the Hono app. The security headers are set here, on
// Node's response, before the app runs: Node merges them with what the app
// writes (the app's own value wins, e.g. a static file's Cache-Control), and
// the app's responses keep plain header objects, which @hono/node-server
// writes without building a Web Headers object: the fast path.
//
// The app is loaded with the first request that needs it (serveOnDemand): a
// router spends most of its life with nobody on the admin page, and Hono with
// @hono/node-server brings Node's fetch implementation (undici), http2 and tls,
// about 13 MiB of RSS and a third of the start-up. GET /healthz, for procd and
// the tests, is answered here without them.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { hostName } from './middleware/host-guard.ts';
import { limitConnections } from './connection-limits.ts';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const SECURITY_HEADERS: [string, string][] = [
  ['Content-Security-Policy', CSP],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];

/** Headers on every answer: no inline script, no framing, no sniffing, no referrer; API answers never cached. */
export function setSecurityHeaders(url: string, res: ServerResponse): void {
  for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
  if (url.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
}

type Fetch = (request: Request, env: object) => Response | Promise<Response>;

type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;

async function honoListener(fetch: Fetch): Promise<Listener> {
  return (await import('@hono/node-server')).getRequestListener(fetch);
}

/** Listens on host:port; resolves once listening, rejects with the socket error. */
export async function serveApp(fetch: Fetch, host: string, port: number): Promise<Server> {
  const listener = await honoListener(fetch);
  return listen(host, port, (req, res) => {
    setSecurityHeaders(req.url ?? '/', res);
    void listener(req, res);
  });
}

/**
 * Like serveApp, with the app made by `load` on the first request other than
 * GET or HEAD /healthz from an allowed host (any other host gets the app's 421).
 * A failed load answers 500 and is tried again with the next request.
 */
export function serveOnDemand(load: () => Promise<Fetch>, allowedHosts: () => ReadonlySet<string>, host: string, port: number): Promise<Server> {
  let listener: Promise<Listener> | null = null;
  return listen(host, port, (req, res) => {
    const url = req.url ?? '/';
    setSecurityHeaders(url, res);
    if (url === '/healthz' && (req.method === 'GET' || req.method === 'HEAD') && allowedHosts().has(hostName(req.headers.host ?? ''))) {
      res.writeHead(200, { 'content-type': 'text/plain; charset=UTF-8' }).end(req.method === 'GET' ? 'ok' : undefined);
      return;
    }
    listener ??= load().then(honoListener);
    listener.then(
      (handle) => void handle(req, res),
      (error: Error) => {
        listener = null;
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `the admin app did not load: ${error.message}` }));
      },
    );
  });
}

function listen(host: string, port: number, handler: Listener): Promise<Server> {
  const server = createServer(handler);
  limitConnections(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
