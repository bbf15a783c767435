// rollout, notice add|remove and refresh: each re-signs a document with the
// next sequence and a new expiry, keeping everything else as published, and
// ships the key list beside it (after rotate-keys, the one that trusts the
// new signing key: without it devices would refuse the document).
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { NOTICE_KINDS } from '../device-daemon/src/core/ota/manifest.ts';
import { nextSequence, readPublished, writeManifest, writeNotices, type PublishedManifest, type PublishedNotices } from './channel.ts';
import { CliError, readChain, readSigner, writeChain, type Signer } from './keyring.ts';

/** The signing key of `role`, with the key list that vouches for it copied into the channel. */
function signer(keys: string, out: string, role: 'release' | 'notices'): Signer {
  writeChain(out, readChain(keys));
  return readSigner(keys, role);
}

function published<T>(out: string, name: 'manifest.json' | 'notices.json'): T {
  const doc = readPublished<T>(out, name);
  if (!doc) throw new CliError(`no ${name} in ${out}`);
  return doc;
}

export function rollout(keys: string, out: string, id: string, percent: number, now: number): string[] {
  if (!(percent >= 0 && percent <= 100)) throw new CliError('--percent must be 0 to 100');
  const manifest = published<PublishedManifest>(out, 'manifest.json');
  const release = manifest.releases.find((r) => r.id === id);
  if (!release) throw new CliError(`no release ${id} in ${out}/manifest.json`);
  if (percent < release.rollout.percent) console.warn(`lowering ${id} from ${release.rollout.percent}% to ${percent}%: devices that already installed it keep it`);
  release.rollout.percent = percent;
  const sequence = nextSequence(out, undefined);
  writeManifest(out, signer(keys, out, 'release'), sequence, manifest.releases, now);
  return [`${id}: ${percent}% of devices; manifest.json sequence ${sequence}`];
}

const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?Z$/, 'must be a UTC time such as 2026-12-01T00:00:00Z'));
const text = v.pipe(v.string(), v.minLength(1), v.maxLength(1000));
const NoticeInput = v.object({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be letters, digits, . _ -')),
  kind: v.picklist(NOTICE_KINDS),
  level: v.optional(v.picklist(['info', 'warning', 'critical']), 'info'),
  from: isoDate,
  until: isoDate,
  audience: v.optional(v.picklist(['everyone', 'customers', 'installers']), 'everyone'),
  text: v.object({ en: text, pl: text }),
});

export function noticeAdd(keys: string, out: string, file: string, now: number): string[] {
  const parsed = v.safeParse(NoticeInput, JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new CliError(`${file}: ${parsed.issues.map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`).join('; ')}`);
  const notice = parsed.output;
  if (Date.parse(notice.until) <= Date.parse(notice.from)) throw new CliError(`${file}: until must be after from`);
  const list = readPublished<PublishedNotices>(out, 'notices.json') ?? { sequence: 0, notices: [] };
  const notices = [...list.notices.filter((n) => n.id !== notice.id), notice];
  const sequence = nextSequence(out, undefined);
  writeNotices(out, signer(keys, out, 'notices'), sequence, notices, now);
  return [`notice ${notice.id} (${notice.kind}) from ${notice.from} until ${notice.until}; notices.json sequence ${sequence}`];
}

export function noticeRemove(keys: string, out: string, id: string, now: number): string[] {
  const list = published<PublishedNotices>(out, 'notices.json');
  if (!list.notices.some((n) => n.id === id)) throw new CliError(`no notice ${id} in ${out}/notices.json`);
  const sequence = nextSequence(out, undefined);
  writeNotices(out, signer(keys, out, 'notices'), sequence, list.notices.filter((n) => n.id !== id), now);
  return [`notice ${id} withdrawn; notices.json sequence ${sequence}`];
}

/** Signs the manifest and the notices again with new expiry dates (run before 30 days pass). */
export function refresh(keys: string, out: string, now: number): string[] {
  const lines: string[] = [];
  const manifest = readPublished<PublishedManifest>(out, 'manifest.json');
  if (manifest) {
    const sequence = nextSequence(out, undefined);
    writeManifest(out, signer(keys, out, 'release'), sequence, manifest.releases, now);
    lines.push(`manifest.json sequence ${sequence}`);
  }
  const notices = readPublished<PublishedNotices>(out, 'notices.json');
  if (notices) {
    const sequence = nextSequence(out, undefined);
    writeNotices(out, signer(keys, out, 'notices'), sequence, notices.notices, now);
    lines.push(`notices.json sequence ${sequence}`);
  }
  return lines;
}
