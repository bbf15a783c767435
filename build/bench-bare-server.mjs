// The baseline for `npm run bench`: a bare node:http server answering the same
// JSON as the daemon's /api/status, and /healthz. Argument: port, JSON file.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [port, file] = process.argv.slice(2);
const body = readFileSync(file);
createServer((req, res) => {
  if (req.url === '/healthz') return res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  if (req.url === '/api/status') return res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  res.writeHead(404).end();
}).listen(Number(port), '127.0.0.1');
