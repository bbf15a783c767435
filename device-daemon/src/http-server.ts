// The HTTP server around the Hono app. The security headers are set here, on
// Node's response, before the app runs: Node merges them with what the app
// writes (the app's own value wins, e.g. a static file's Cache-Control), and
// the app's responses keep plain header objects, which @hono/node-server
// writes without building a Web Headers object: the fast path.
import { createServer, type Server, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
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

/** Listens on host:port; resolves once listening, rejects with the socket error. */
export function serveApp(fetch: Fetch, host: string, port: number): Promise<Server> {
  const listener = getRequestListener(fetch);
  const server = createServer((req, res) => {
    setSecurityHeaders(req.url ?? '/', res);
    void listener(req, res);
  });
  limitConnections(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
