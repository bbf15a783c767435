// DNS-sized UDP round trips for the kernel lab. Runs inside a namespace:
//   serve ADDRESS PORT SECONDS   echo every datagram back, for SECONDS
//   probe ADDRESS PORT COUNT INTERVAL_MS BYTES
//       send COUNT datagrams of BYTES (a DNS query is 30-80 bytes), one every
//       INTERVAL_MS, and print "rtt <ms>" per answer or "lost <n>" after 10 s.
import { createSocket } from 'node:dgram';

const [mode, address, portText, ...rest] = process.argv.slice(2);
const port = Number(portText);
const socket = createSocket(address.includes(':') ? 'udp6' : 'udp4');

if (mode === 'serve') {
  socket.on('message', (message, from) => socket.send(message, from.port, from.address));
  socket.bind(port, address, () => console.log('ready'));
  setTimeout(() => socket.close(), Number(rest[0]) * 1000);
} else {
  const [count, intervalMs, bytes] = rest.map(Number);
  const sentAt = new Map();
  socket.on('message', (message) => {
    const id = message.readUInt32BE(0);
    const t0 = sentAt.get(id);
    if (t0 === undefined) return;
    sentAt.delete(id);
    console.log(`rtt ${(performance.now() - t0).toFixed(1)}`);
  });
  let id = 0;
  const timer = setInterval(() => {
    const message = Buffer.alloc(bytes);
    message.writeUInt32BE(id);
    sentAt.set(id, performance.now());
    socket.send(message, port, address);
    if (++id === count) {
      clearInterval(timer);
      setTimeout(() => {
        console.log(`lost ${sentAt.size}`);
        socket.close();
      }, 10_000);
    }
  }, intervalMs);
}
