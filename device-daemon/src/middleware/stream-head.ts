// HEAD on an event stream answers with the stream's headers and nothing else.
// Hono answers HEAD by running the GET handler and dropping the body, which for
// a stream would subscribe it (and, for the signal meter, keep the modem polled)
// with no reader ever to cancel it: one leaked subscription per request.
import type { MiddlewareHandler } from 'hono';

export const EVENT_STREAMS: ReadonlySet<string> = new Set(['/api/events', '/api/signal/events']);

export function streamHead(): MiddlewareHandler {
  return async function streamHeadMiddleware(c, next) {
    if (c.req.method !== 'HEAD' || !EVENT_STREAMS.has(c.req.path)) return next();
    return c.body(null, 200, { 'Content-Type': 'text/event-stream' });
  };
}
