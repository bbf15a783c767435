// The device's rules for what it accepts from the update channel, in order:
// size, a signature by a key it trusts for that role over the exact bytes,
// the document's own shape, an expiry at most 30 days after issue that has not
// passed (judged only on a trusted clock), and a sequence that never goes back
// and never repeats with other bytes (replay and freeze protection).
// The ISP's CLI runs the same functions on what it publishes.
import * as v from 'valibot';
import { KeyChain, KeyList, MAX_DOCUMENT_BYTES, MAX_VALIDITY_MS, type Role } from './manifest.ts';
import { sha256Hex } from './sha256.ts';
import { parsePublicKey, parseSignature, publicKeyLine } from './usign.ts';

/** Ed25519 verification, handed in by the shell (node:crypto on the device). */
export type Ed25519Verify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean;

export type TrustedKey = { keyId: string; role: Role; key: Uint8Array };
/** The keys the device trusts: version 0 is the root keys from its configuration. */
export type TrustedKeys = { version: number; keys: TrustedKey[] };

export type Rejection =
  | 'too-large'
  | 'bad-signature-format'
  | 'unknown-key'
  | 'wrong-role'
  | 'bad-signature'
  | 'invalid'
  | 'expiry-too-far'
  | 'expired'
  | 'replayed'
  | 'conflicting-sequence'
  | 'broken-chain';

export type Verdict<T> = { ok: true; value: T; sha256: string } | { ok: false; reason: Rejection; message: string };

const reject = (reason: Rejection, message: string) => ({ ok: false as const, reason, message });

/** Checks that `bytes` carry a good signature by a trusted key of `role`. */
export function verifySignature(bytes: Uint8Array, signatureText: string, role: Role, trusted: TrustedKeys, verify: Ed25519Verify): Verdict<TrustedKey> {
  if (bytes.length > MAX_DOCUMENT_BYTES) return reject('too-large', `larger than ${MAX_DOCUMENT_BYTES} bytes`);
  const sig = parseSignature(signatureText);
  if (!sig) return reject('bad-signature-format', 'the signature is not in usign format');
  const signers = trusted.keys.filter((k) => k.keyId === sig.keyId);
  if (signers.length === 0) return reject('unknown-key', `signed by key ${sig.keyId}, which this device does not trust`);
  const signer = signers.find((k) => k.role === role);
  if (!signer) return reject('wrong-role', `key ${sig.keyId} is a ${signers.map((k) => k.role).join('/')} key, not a ${role} key`);
  if (!verify(signer.key, bytes, sig.signature)) return reject('bad-signature', `the signature by key ${sig.keyId} does not match the bytes`);
  return { ok: true, value: signer, sha256: sha256Hex(bytes) };
}

/** What the device last accepted of one document kind. */
export type Accepted = { sequence: number; sha256: string } | null;

export type ClockReading = { now: number; trusted: boolean };

type Header = { sequence: number; issued: number; expires: number };

/**
 * Verifies a signed manifest or notice list. Expiry is judged only when the
 * clock is trusted: an untrusted clock can neither reject nor accept on time.
 * An unchanged document (same sequence, same bytes) verifies again.
 */
export function verifyDocument<S extends v.GenericSchema<unknown, Header>>(
  input: { bytes: Uint8Array; signature: string; role: Role; schema: S; trusted: TrustedKeys; last: Accepted; clock: ClockReading },
  verify: Ed25519Verify,
): Verdict<v.InferOutput<S>> {
  const signed = verifySignature(input.bytes, input.signature, input.role, input.trusted, verify);
  if (!signed.ok) return signed;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(input.bytes));
  } catch {
    return reject('invalid', 'not UTF-8 JSON');
  }
  const parsed = v.safeParse(input.schema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return reject('invalid', `${issue.path?.map((p) => String(p.key)).join('.') || 'document'}: ${issue.message}`);
  }
  const doc = parsed.output as Header;
  if (doc.expires - doc.issued > MAX_VALIDITY_MS) return reject('expiry-too-far', 'expires more than 30 days after it was issued');
  if (doc.expires <= doc.issued) return reject('invalid', 'expires before it was issued');
  if (input.clock.trusted && doc.expires <= input.clock.now) return reject('expired', `expired at ${new Date(doc.expires).toISOString()}`);
  if (input.last) {
    if (doc.sequence < input.last.sequence) return reject('replayed', `sequence ${doc.sequence} is below the accepted ${input.last.sequence}`);
    if (doc.sequence === input.last.sequence && signed.sha256 !== input.last.sha256)
      return reject('conflicting-sequence', `sequence ${doc.sequence} was accepted before with other bytes`);
  }
  return { ok: true, value: parsed.output, sha256: signed.sha256 };
}

/** The root keys from the device's configuration (usign public keys). */
export function configuredRoots(lines: readonly string[]): TrustedKeys {
  const keys: TrustedKey[] = [];
  for (const line of lines) {
    const key = parsePublicKey(line);
    if (key) keys.push({ keyId: key.keyId, role: 'root', key: key.key });
  }
  return { version: 0, keys };
}

export function keysOf(list: KeyList): TrustedKey[] {
  return list.keys.map((k) => {
    const key = parsePublicKey(k.publicKey)!;
    return { keyId: key.keyId, role: k.role, key: key.key };
  });
}

/**
 * Walks the key chain from the trusted set: every newer link must be signed by
 * a root key of the set before it, and brings its own keys (a new root among
 * them, when the ISP rotated it). A broken link stops the walk; the links
 * before it stand, and the break is reported.
 */
export function applyKeyChain(chainBytes: Uint8Array, trusted: TrustedKeys, verify: Ed25519Verify): { trusted: TrustedKeys; error: string | null } {
  let chain: KeyChain;
  try {
    chain = v.parse(KeyChain, JSON.parse(new TextDecoder().decode(chainBytes)));
  } catch {
    return { trusted, error: 'keys.json is not a key chain' };
  }
  let current = trusted;
  for (const link of chain.chain) {
    const body = new TextEncoder().encode(link.body);
    let list: KeyList;
    try {
      list = v.parse(KeyList, JSON.parse(link.body));
    } catch {
      return { trusted: current, error: 'a key list in the chain is malformed' };
    }
    if (list.version <= current.version) continue;
    const signed = verifySignature(body, link.signature, 'root', current, verify);
    if (!signed.ok) return { trusted: current, error: `key list ${list.version}: ${signed.message} (broken chain)` };
    if (!list.keys.some((k) => k.role === 'root')) return { trusted: current, error: `key list ${list.version} names no root key` };
    current = { version: list.version, keys: keysOf(list) };
  }
  return { trusted: current, error: null };
}


/** Trusted keys as stored on flash: usign public key lines. */
export type StoredKeys = { version: number; keys: { role: Role; publicKey: string }[] };

export function storeKeys(trusted: TrustedKeys): StoredKeys {
  return { version: trusted.version, keys: trusted.keys.map((k) => ({ role: k.role, publicKey: publicKeyLine({ keyId: k.keyId, key: k.key }) })) };
}

export function restoreKeys(stored: StoredKeys): TrustedKeys {
  return { version: stored.version, keys: keysOf({ format: 1, version: stored.version, issued: 0, keys: stored.keys }) };
}
