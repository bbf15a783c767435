// DNS rebinding defence: a page on evil.example that re-points its name at our
// address still sends `Host: evil.example`, so only our own names and
// addresses are served. 421 Misdirected Request for anything else.
import type { MiddlewareHandler } from 'hono';
import { errorJson } from './validate.ts';

/** The host part of a Host header: "192.168.1.1:80" -> "192.168.1.1", "[fe80::1]:80" -> "fe80::1". */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']'));
  const colon = h.lastIndexOf(':');
  return (colon >= 0 ? h.slice(0, colon) : h).replace(/\.$/, '');
}

export function hostGuard({ allowed }: { allowed: () => ReadonlySet<string> }): MiddlewareHandler {
  return async function hostGuardMiddleware(c, next) {
    const host = c.req.header('host');
    if (!host || !allowed().has(hostName(host))) return c.json(errorJson('unknown-host', 'this device does not answer to that host name'), 421);
    await next();
  };
}
