// The channel directory the ISP uploads to any web server or CDN: keys.json,
// manifest.json and notices.json with their usign signatures (.sig), and every
// file under files/<sha256>, so a cache can never serve a stale file under a
// name the devices already know.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_VALIDITY_MS, type Notice, type Release } from '../device-daemon/src/core/ota/manifest.ts';
import { CliError, signBytes, type Signer } from './keyring.ts';

const DAY = 86_400_000;

export type DocumentName = 'manifest.json' | 'notices.json';

/** The last document published under `name`, or null. */
export function readPublished<T>(out: string, name: DocumentName): T | null {
  const file = join(out, name);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

/** The next sequence: the one asked for, which must be above the last, or the last plus one. */
export function nextSequence(out: string, asked: number | undefined): number {
  const last = Math.max(readPublished<{ sequence: number }>(out, 'manifest.json')?.sequence ?? 0, readPublished<{ sequence: number }>(out, 'notices.json')?.sequence ?? 0);
  if (asked === undefined) return last + 1;
  if (!Number.isSafeInteger(asked) || asked <= last) throw new CliError(`sequence ${asked} is not above the last published (${last})`);
  return asked;
}

export function validity(now: number, days: number | undefined): { issued: string; expires: string } {
  const span = (days ?? 30) * DAY;
  if (!(span > 0) || span > MAX_VALIDITY_MS) throw new CliError('expiresDays must be between 1 and 30');
  return { issued: new Date(now).toISOString(), expires: new Date(now + span).toISOString() };
}

/** Writes the document's exact bytes and their signature. */
export function writeSigned(out: string, name: DocumentName, signer: Signer, document: object): void {
  mkdirSync(out, { recursive: true });
  const bytes = new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`);
  writeFileSync(join(out, name), bytes);
  writeFileSync(join(out, `${name}.sig`), signBytes(signer, bytes));
}

/** A release as written in manifest.json: dates as ISO text. */
export type PublishedRelease = Omit<Release, 'earliestInstall'> & { earliestInstall: string };
export type PublishedManifest = { sequence: number; releases: PublishedRelease[] };
export type PublishedNotice = Omit<Notice, 'from' | 'until'> & { from: string; until: string };
export type PublishedNotices = { sequence: number; notices: PublishedNotice[] };

export function writeManifest(out: string, signer: Signer, sequence: number, releases: PublishedRelease[], now: number, days?: number): void {
  writeSigned(out, 'manifest.json', signer, { format: 1, sequence, ...validity(now, days), releases });
}

export function writeNotices(out: string, signer: Signer, sequence: number, notices: PublishedNotice[], now: number, days?: number): void {
  writeSigned(out, 'notices.json', signer, { format: 1, sequence, ...validity(now, days), notices });
}
