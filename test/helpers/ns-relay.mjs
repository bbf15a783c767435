// A TCP relay from a Unix socket to HOST:PORT, run inside a network namespace
// (`ip netns exec NS node ns-relay.mjs SOCKET HOST PORT`). Unix sockets are
// not network-namespaced, so a test in the host's namespace can talk HTTP to
// an address that exists only inside NS, with nothing leaving the namespaces.
// Prints "ready" once listening; exits when its stdin closes (the test process
// ended or let go of it) or after DEADLINE_MS (default 300 s).
import { createConnection, createServer } from 'node:net';
import { rmSync } from 'node:fs';

const [socketPath, host, portText, deadlineText] = process.argv.slice(2);
const port = Number(portText);
setTimeout(() => process.exit(2), Number(deadlineText ?? 300_000)).unref();
rmSync(socketPath, { force: true });

const server = createServer((local) => {
  const remote = createConnection({ host, port });
  local.pipe(remote);
  remote.pipe(local);
  const close = () => {
    local.destroy();
    remote.destroy();
  };
  local.on('error', close);
  remote.on('error', close);
  local.on('close', close);
  remote.on('close', close);
});
server.listen(socketPath, () => console.log('ready'));
process.stdin.on('data', () => {});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
