// scrypt on one thread of its own. node:crypto's async scrypt runs on libuv's
// thread pool, which file I/O shares: successive hashes land on different pool
// threads, and glibc keeps each thread's 16 MiB buffer in that thread's arena
// (64 MiB for four threads), while a flood of hashes keeps the pool busy for
// the state flush. Here the hashes run one after another with scryptSync in a
// single worker thread: one buffer, no pool thread. The worker starts on the
// first hash and ends after a minute without one (it costs a few MiB idle).
import { Worker } from 'node:worker_threads';
import type { ScryptOptions } from 'node:crypto';

const IDLE_MS = 60_000;

// CommonJS, evaluated in the worker (eval: true), so the bundle needs no second file.
const SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
parentPort.on('message', ({ password, salt, length, options }) => {
  try {
    parentPort.postMessage({ key: scryptSync(password, salt, length, options) });
  } catch (error) {
    parentPort.postMessage({ error: error.message });
  }
});
`;

let worker: Worker | null = null;
let idle: NodeJS.Timeout | null = null;

/** One scrypt in the worker. The caller runs one at a time (password.ts), so replies come in order. */
export function scryptInWorker(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  if (idle) clearTimeout(idle);
  worker ??= new Worker(SOURCE, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 } });
  const current = worker;
  return new Promise<Buffer>((resolve, reject) => {
    const done = () => {
      // Only a hash in flight keeps the process alive (hash-password on the command line).
      current.unref();
      current.off('message', onMessage);
      current.off('error', onError);
      idle = setTimeout(() => {
        if (worker === current) worker = null;
        void current.terminate();
      }, IDLE_MS);
      idle.unref();
    };
    const onMessage = (reply: { key?: Uint8Array; error?: string }) => {
      done();
      if (reply.key) resolve(Buffer.from(reply.key));
      else reject(new Error(reply.error ?? 'scrypt failed'));
    };
    const onError = (error: Error) => {
      if (worker === current) worker = null;
      done();
      reject(error);
    };
    current.on('message', onMessage);
    current.on('error', onError);
    current.ref();
    current.postMessage({ password, salt, length, options });
  });
}
