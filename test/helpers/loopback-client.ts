// HTTP requests to the daemon from a chosen loopback address (127.0.0.0/8), so
// that one test can be many clients, each with its own address as the daemon sees it.
import { request } from 'node:http';
import { readFileSync } from 'node:fs';

export type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

export function send(
  url: string,
  path: string,
  init: { method?: string; body?: unknown; from?: string; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Reply> {
  const target = new URL(path, url);
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const headers: Record<string, string> = { origin: url, ...init.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = request(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, method: init.method ?? 'GET', headers, localAddress: init.from, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.setTimeout(init.timeoutMs ?? 30_000, () => req.destroy(new Error(`${init.method ?? 'GET'} ${path}: no answer in time`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Resident memory of a process in bytes (Linux). */
export function rssBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) * 1024;
}

/** Counts of each status code in a list of replies, e.g. {401: 3, 429: 97}. */
export function tally(replies: Reply[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of replies) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}
