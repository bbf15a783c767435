// Password hashes: scrypt from node:crypto, in a self-describing string so the
// cost can be raised later without breaking stored hashes:
//   $scrypt$N=16384,r=8,p=1$<salt base64>$<hash base64>
// N=2^14 with r=8 takes 16 MiB and about 0.1 s on a Cortex-A53: costly to guess,
// cheap enough for a router.
import { randomBytes, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { scryptInWorker } from './scrypt-worker.ts';

const DEFAULT = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** Thrown at once when too many hashes already wait: the caller answers 503 with Retry-After. */
export class PasswordBusyError extends Error {
  readonly code = 'password-busy';
  constructor() {
    super('too many sign-ins at once; try again in a moment');
  }
}

/** Hashes waiting behind the running one; more are refused at once, without queueing. */
export const MAX_WAITING_HASHES = 4;

// One hash at a time for the whole process, in one thread of its own
// (scrypt-worker.ts): each takes 16 MiB, and on libuv's thread pool it would
// compete with file I/O. A flood of sign-ins then holds one 16 MiB buffer and
// no pool thread, so the state flush and the page keep going.
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

/** Whether another hash would be refused right now (to answer before reading a body or counting a try). */
export function passwordHashBusy(): boolean {
  return waiting > MAX_WAITING_HASHES; // the running one and the waiting ones
}

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  if (passwordHashBusy()) return Promise.reject(new PasswordBusyError());
  waiting++;
  const run = () => scryptInWorker(password.normalize('NFC'), salt, length, { ...options, maxmem: 64 * 1024 * 1024 });
  const result = queue.then(run, run);
  queue = result.then(
    () => void waiting--,
    () => void waiting--,
  );
  return result;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, DEFAULT, KEY_LENGTH);
  return `$scrypt$N=${DEFAULT.N},r=${DEFAULT.r},p=${DEFAULT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

const FORMAT = /^\$scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

/** Whether `hash` looks like something `hashPassword` made (for config checks). */
export function isPasswordHash(hash: string): boolean {
  return FORMAT.test(hash);
}

/** Constant-time check of `password` against a stored hash; false for a malformed hash. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const m = FORMAT.exec(hash);
  if (!m) return false;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (N > 1 << 20 || r > 32 || p > 16) return false;
  const expected = Buffer.from(m[5]!, 'base64');
  if (expected.length < 16) return false;
  const key = await derive(password, Buffer.from(m[4]!, 'base64'), { N, r, p }, expected.length);
  return timingSafeEqual(key, expected);
}
