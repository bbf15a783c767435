// Moves a known number of bytes over one TCP connection, for kernel tests that
// check counters or shaping. Plain .mjs so it starts fast under `ip netns exec`.
//
//   node tcp-bytes.mjs serve HOST PORT [DEADLINE_MS] [WARMUP_MS]   accept one connection, print
//                                                        "received N"; with WARMUP_MS also
//                                                        "steady BYTES MS": the bytes received
//                                                        from WARMUP_MS after the first byte
//                                                        to the last byte, and that span
//   node tcp-bytes.mjs send HOST PORT BYTES [DEADLINE_MS]   connect (retrying while the
//                                                        server starts), write BYTES, print "sent N"
//
// Both exit non-zero after DEADLINE_MS (default 20 s), so a broken test never
// leaves a process behind in a namespace.
import { createConnection, createServer } from 'node:net';

const [mode, host, portText, ...rest] = process.argv.slice(2);
const port = Number(portText);

function deadline(ms) {
  setTimeout(() => {
    console.error(`tcp-bytes ${mode}: no result after ${ms} ms`);
    process.exit(2);
  }, ms).unref();
}

if (mode === 'serve') {
  deadline(Number(rest[0] ?? 20_000));
  const warmupMs = rest[1] === undefined ? null : Number(rest[1]);
  let received = 0;
  // Rate measurement: a shaper lets its bucket and queue through at once at
  // the start, so the steady rate is taken from a mark after a warm-up.
  let first = null;
  let mark = null;
  let last = 0;
  const server = createServer((socket) => {
    server.close(); // one connection only
    socket.on('data', (chunk) => {
      const now = performance.now();
      first ??= now;
      if (warmupMs !== null && mark === null && now - first >= warmupMs) mark = { at: now, bytes: received };
      received += chunk.length;
      last = now;
    });
    socket.on('end', () => socket.end());
    socket.on('close', () => {
      console.log(`received ${received}`);
      if (mark) console.log(`steady ${received - mark.bytes} ${Math.round(last - mark.at)}`);
    });
    socket.on('error', (error) => {
      console.error(`tcp-bytes serve: ${error.message}`);
      process.exitCode = 1;
    });
  });
  server.listen(port, host);
} else if (mode === 'send') {
  const bytes = Number(rest[0]);
  deadline(Number(rest[1] ?? 20_000));
  const chunk = Buffer.alloc(64 * 1024, 0x5a);
  const connect = () => {
    const socket = createConnection({ host, port });
    socket.on('error', (error) => {
      // The server may not be listening yet: it starts at the same time as we do.
      if (error.code === 'ECONNREFUSED') return setTimeout(connect, 50);
      console.error(`tcp-bytes send: ${error.message}`);
      process.exit(1);
    });
    socket.on('connect', () => {
      let left = bytes;
      const pump = () => {
        while (left > 0) {
          const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
          left -= part.length;
          if (!socket.write(part)) return socket.once('drain', pump);
        }
        socket.end();
      };
      pump();
    });
    socket.on('data', () => {});
    socket.on('close', (hadError) => {
      if (!hadError) console.log(`sent ${bytes}`);
    });
  };
  connect();
} else {
  console.error('usage: tcp-bytes.mjs serve HOST PORT [DEADLINE_MS] | send HOST PORT BYTES [DEADLINE_MS]');
  process.exit(64);
}
