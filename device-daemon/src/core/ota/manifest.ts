// What an ISP publishes on its update channel, as the device parses it once
// the signature is good: the trusted key list (signed by a root key), the
// release manifest (signed by a release key) and the notices (signed by a
// notices key). Dates are UTC instants in ISO form.
import * as v from 'valibot';
import { parsePublicKey } from './usign.ts';

/** A loose object's type without its index signature (unknown fields are ignored, not typed). */
type Known<T> = { [K in keyof T as string extends K ? never : K]: T[K] };

export const ROLES = ['root', 'release', 'notices'] as const;
export type Role = (typeof ROLES)[number];

/** Longest time a signed document may be valid for. */
export const MAX_VALIDITY_MS = 30 * 86_400_000;
/** Largest signed document the device reads. */
export const MAX_DOCUMENT_BYTES = 64 * 1024;

const instant = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/, 'must be a UTC time such as 2026-12-01T00:00:00Z'),
  v.transform((s) => Date.parse(s)),
  v.number('must be a real date'),
  v.check((n) => Number.isFinite(n), 'must be a real date'),
);
const sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be a sha256 in hex'));
const text = (max: number) => v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
const bilingual = (max: number) => v.looseObject({ en: text(max), pl: text(max) });
const version = v.pipe(v.string(), v.regex(/^(\d+:)?[0-9][A-Za-z0-9.+~-]{0,63}$/, 'must be a package version such as 1.2.0-1'));
const count = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

export const KeyEntry = v.looseObject({
  role: v.picklist(ROLES),
  publicKey: v.pipe(v.string(), v.check((s) => parsePublicKey(s) !== null, 'must be a usign public key')),
});

/** One link of the key chain: the whole set of trusted keys at `version`. */
export const KeyList = v.looseObject({
  format: v.literal(1),
  version: count(1, 2 ** 31),
  issued: instant,
  keys: v.pipe(v.array(KeyEntry), v.minLength(1), v.maxLength(32)),
});
export type KeyList = Known<v.InferOutput<typeof KeyList>>;

/** keys.json: every key list since the first, each signed by a root key of the one before. */
export const KeyChain = v.looseObject({
  format: v.literal(1),
  chain: v.pipe(v.array(v.looseObject({ body: v.pipe(v.string(), v.maxLength(16_384)), signature: v.pipe(v.string(), v.maxLength(1024)) })), v.maxLength(64)),
});
export type KeyChain = Known<v.InferOutput<typeof KeyChain>>;

const signedHeader = {
  format: v.literal(1),
  sequence: count(1, Number.MAX_SAFE_INTEGER),
  issued: instant,
  expires: instant,
};

export const Release = v.looseObject({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be letters, digits, . _ -')),
  kind: v.picklist(['package', 'firmware']),
  version,
  file: v.looseObject({ path: v.pipe(v.string(), v.regex(/^files\/[0-9a-f]{64}$/, 'must be files/<sha256>')), sha256, size: count(1, 512 * 1024 * 1024) }),
  /** Boards (OpenWrt board names) a firmware image is for. */
  boards: v.optional(v.array(text(64)), []),
  rollout: v.looseObject({ percent: v.pipe(v.number(), v.minValue(0), v.maxValue(100)), salt: text(64) }),
  earliestInstall: instant,
  noticeDays: count(0, 60),
  maxDeferDays: count(0, 60),
  critical: v.boolean(),
  /** Devices below this version must update and may not defer. */
  minVersion: v.optional(version),
  durationMinutes: count(1, 120),
  notes: bilingual(500),
});
export type Release = Known<v.InferOutput<typeof Release>>;

export const Manifest = v.looseObject({ ...signedHeader, releases: v.pipe(v.array(Release), v.maxLength(16)) });
export type Manifest = Known<v.InferOutput<typeof Manifest>>;

export const NOTICE_KINDS = ['account', 'maintenance', 'information'] as const;

export const Notice = v.looseObject({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be letters, digits, . _ -')),
  kind: v.picklist(NOTICE_KINDS),
  level: v.picklist(['info', 'warning', 'critical']),
  from: instant,
  until: instant,
  audience: v.picklist(['everyone', 'customers', 'installers']),
  text: bilingual(1000),
});
export type Notice = Known<v.InferOutput<typeof Notice>>;

export const NoticeList = v.looseObject({ ...signedHeader, notices: v.pipe(v.array(Notice), v.maxLength(32)) });
export type NoticeList = Known<v.InferOutput<typeof NoticeList>>;
