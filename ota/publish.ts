// publish: a release description in, a signed manifest and content-addressed
// files out.
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as v from 'valibot';
import { imageMetadata } from '../device-daemon/src/core/ota/image-metadata.ts';
import { nextSequence, readPublished, writeManifest, type PublishedManifest, type PublishedRelease } from './channel.ts';
import { CliError, readChain, readSigner, writeChain } from './keyring.ts';

const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?Z$/, 'must be a UTC time such as 2026-12-01T00:00:00Z'));
const bilingual = v.object({ en: v.pipe(v.string(), v.minLength(1)), pl: v.pipe(v.string(), v.minLength(1)) });

const ReleaseInput = v.object({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]{1,64}$/)),
  kind: v.picklist(['package', 'firmware']),
  version: v.pipe(v.string(), v.minLength(1)),
  file: v.pipe(v.string(), v.minLength(1)),
  boards: v.optional(v.array(v.string()), []),
  rolloutPercent: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
  earliestInstall: isoDate,
  noticeDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 7),
  maxDeferDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 7),
  critical: v.optional(v.boolean(), false),
  minVersion: v.optional(v.string()),
  durationMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 5),
  notes: bilingual,
});

export const ReleaseDescription = v.object({
  sequence: v.optional(v.pipe(v.number(), v.integer())),
  expiresDays: v.optional(v.number()),
  releases: v.pipe(v.array(ReleaseInput), v.minLength(1)),
});

export function parseDescription(file: string): v.InferOutput<typeof ReleaseDescription> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(`${file}: ${(error as Error).message}`);
  }
  const parsed = v.safeParse(ReleaseDescription, json);
  if (!parsed.success) throw new CliError(`${file}: ${parsed.issues.map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`).join('; ')}`);
  return parsed.output;
}

function hashFile(path: string): { sha256: string; size: number; bytes: Buffer } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CliError(`cannot hash ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (bytes.length === 0) throw new CliError(`cannot publish ${path}: it is empty`);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, bytes };
}

function checkBoards(release: v.InferOutput<typeof ReleaseInput>, bytes: Buffer): void {
  if (release.kind !== 'firmware') return;
  if (release.boards.length === 0) throw new CliError(`${release.id}: a firmware release must name its boards`);
  const meta = imageMetadata(bytes);
  if (!meta) throw new CliError(`${release.file}: no image metadata (supported_devices); is this a sysupgrade image?`);
  const missing = release.boards.filter((b) => !meta.supportedDevices.includes(b));
  if (missing.length > 0) throw new CliError(`${release.file}: the image supports ${meta.supportedDevices.join(', ') || 'no board'}, not ${missing.join(', ')}`);
}

export function publish(keys: string, out: string, descriptionFile: string, now: number): string[] {
  const description = parseDescription(descriptionFile);
  const sequence = nextSequence(out, description.sequence);
  const signer = readSigner(keys, 'release');
  const previous = readPublished<PublishedManifest>(out, 'manifest.json');
  const base = dirname(resolve(descriptionFile));
  const releases: PublishedRelease[] = [];
  const lines: string[] = [];
  for (const r of description.releases) {
    const file = hashFile(resolve(base, r.file));
    checkBoards(r, file.bytes);
    mkdirSync(join(out, 'files'), { recursive: true });
    const target = join(out, 'files', file.sha256);
    if (!existsSync(target)) copyFileSync(resolve(base, r.file), target);
    // The salt stays with the release, so raising its percent later only adds devices.
    const salt = previous?.releases.find((p) => p.id === r.id)?.rollout.salt ?? randomBytes(8).toString('hex');
    releases.push({
      id: r.id,
      kind: r.kind,
      version: r.version,
      file: { path: `files/${file.sha256}`, sha256: file.sha256, size: file.size },
      boards: r.boards,
      rollout: { percent: r.rolloutPercent, salt },
      earliestInstall: r.earliestInstall,
      noticeDays: r.noticeDays,
      maxDeferDays: r.maxDeferDays,
      critical: r.critical,
      ...(r.minVersion ? { minVersion: r.minVersion } : {}),
      durationMinutes: r.durationMinutes,
      notes: r.notes,
    });
    lines.push(`${r.id}: ${r.kind} ${r.version}, files/${file.sha256} (${file.size} bytes), ${r.rolloutPercent}% of devices`);
  }
  writeManifest(out, signer, sequence, releases, now, description.expiresDays);
  writeChain(out, readChain(keys));
  return [...lines, `manifest.json sequence ${sequence} signed by release key ${signer.keyId}`];
}

