// How many connections the daemon holds, and for how long. Without a cap a LAN
// client that opens thousands of idle connections uses up the file descriptors:
// new clients time out and even the state's flash writes fail (EMFILE).
//
// - A connection that has not sent its request headers within HEADERS_MS is
//   closed (slowloris), as is one that sends nothing that long with no request
//   in flight; one idle between requests is closed after KEEP_ALIVE_MS.
// - At most PER_ADDRESS connections from one address and TOTAL in all. A new
//   connection over a cap first makes room by closing the oldest idle one (of
//   that address, then of anyone); only when every one is busy is it refused.
// So one noisy client never keeps a new one out, and the descriptors stay few.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export const LIMITS = { TOTAL: 512, PER_ADDRESS: 64, HEADERS_MS: 10_000, REQUEST_MS: 30_000, KEEP_ALIVE_MS: 5_000 };

export function limitConnections(server: Server, limits = LIMITS): void {
  server.headersTimeout = limits.HEADERS_MS;
  server.requestTimeout = limits.REQUEST_MS;
  server.keepAliveTimeout = limits.KEEP_ALIVE_MS;
  // Node checks the two timeouts above at this interval (default 30 s).
  (server as { connectionsCheckingInterval?: number }).connectionsCheckingInterval = 1000;

  /** Open connections in the order they came, with whether a request is in flight. */
  const open = new Map<Socket, { address: string; busy: number }>();
  const byAddress = new Map<string, number>();

  function oldestIdle(address?: string): Socket | null {
    for (const [socket, info] of open) if (info.busy === 0 && (address === undefined || info.address === address)) return socket;
    return null;
  }

  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    if ((byAddress.get(address) ?? 0) >= limits.PER_ADDRESS || open.size >= limits.TOTAL) {
      const victim = (byAddress.get(address) ?? 0) >= limits.PER_ADDRESS ? oldestIdle(address) : (oldestIdle(address) ?? oldestIdle());
      if (!victim) return void socket.destroy();
      victim.destroy();
      forget(victim);
    }
    open.set(socket, { address, busy: 0 });
    byAddress.set(address, (byAddress.get(address) ?? 0) + 1);
    socket.once('close', () => forget(socket));
    // Node's headersTimeout does not cover a connection that never sends a byte.
    socket.setTimeout(limits.HEADERS_MS);
  });

  // An inactive connection is closed only when no request is in flight (an event
  // stream between two keep-alives is inactive, and stays).
  server.on('timeout', (socket: Socket) => {
    if ((open.get(socket)?.busy ?? 0) === 0) socket.destroy();
  });

  function forget(socket: Socket): void {
    const info = open.get(socket);
    if (!info) return;
    open.delete(socket);
    const left = (byAddress.get(info.address) ?? 1) - 1;
    if (left > 0) byAddress.set(info.address, left);
    else byAddress.delete(info.address);
  }

  server.on('request', (req, res) => {
    const info = open.get(req.socket);
    if (!info) return;
    info.busy++;
    res.once('close', () => info.busy--);
  });
}
