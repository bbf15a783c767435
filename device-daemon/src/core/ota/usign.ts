// OpenWrt's usign formats, so that one ISP key can sign both our manifests and
// an opkg feed (Packages.sig). Facts from usign's main.c (openwrt/usign):
// every file is one line "untrusted comment: ..." and then one base64 line;
// a public key is "Ed" + 8-byte key id (fingerprint) + 32-byte Ed25519 key; a
// signature is "Ed" + the signer's key id + the 64-byte Ed25519 signature of
// the message's exact bytes; a secret key is "Ed" "BK" + 4-byte KDF rounds (0:
// no password) + 16-byte salt + 8-byte checksum (the first 8 bytes of SHA-512
// of the 64-byte secret) + key id + 64 bytes (32-byte seed, 32-byte public
// key). usign prints key ids as hex without leading zeros ("%" PRIx64); we
// print all 16 digits and compare ids as numbers.

export type PublicKey = { keyId: string; key: Uint8Array };
export type Signature = { keyId: string; signature: Uint8Array };

const ALG = [0x45, 0x64]; // "Ed"

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const s = atob(text);
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

export function keyIdHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A key id as written by usign (no leading zeros) or by us (16 digits), in our form. */
export function normaliseKeyId(text: string): string | null {
  return /^[0-9a-f]{1,16}$/i.test(text) ? text.toLowerCase().padStart(16, '0') : null;
}

/** The base64 line of a usign file: the whole text, or the line after its untrusted comment. */
function payloadLine(text: string): string | null {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[0]?.startsWith('untrusted comment:')) lines.shift();
  const rest = lines.filter((l) => l.trim() !== '');
  return rest.length === 1 ? rest[0]!.trim() : null;
}

function decode(text: string, length: number): Uint8Array | null {
  const line = payloadLine(text);
  const bytes = line === null ? null : fromBase64(line);
  if (!bytes || bytes.length !== length || bytes[0] !== ALG[0] || bytes[1] !== ALG[1]) return null;
  return bytes;
}

/** A usign public key (file text or its base64 line alone), or null when malformed. */
export function parsePublicKey(text: string): PublicKey | null {
  const bytes = decode(text, 42);
  return bytes && { keyId: keyIdHex(bytes.subarray(2, 10)), key: bytes.slice(10) };
}

/** A usign signature file (or its base64 line alone), or null when malformed. */
export function parseSignature(text: string): Signature | null {
  const bytes = decode(text, 74);
  return bytes && { keyId: keyIdHex(bytes.subarray(2, 10)), signature: bytes.slice(10) };
}

function join(...parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function idBytes(keyId: string): Uint8Array {
  return Uint8Array.from(keyId.match(/../g)!, (h) => parseInt(h, 16));
}

/** The base64 line of a public key. */
export function publicKeyLine(key: PublicKey): string {
  return toBase64(join(ALG, idBytes(key.keyId), key.key));
}

export function formatPublicKey(key: PublicKey, comment = `public key ${key.keyId}`): string {
  return `untrusted comment: ${comment}\n${publicKeyLine(key)}\n`;
}

export function formatSignature(sig: Signature): string {
  return `untrusted comment: signed by key ${sig.keyId}\n${toBase64(join(ALG, idBytes(sig.keyId), sig.signature))}\n`;
}

/** usign's secret key file, unencrypted (KDF "BK" with 0 rounds); `checksum` is SHA-512(secret)[0..8]. */
export function formatSecretKey(keyId: string, seed: Uint8Array, publicKey: Uint8Array, salt: Uint8Array, checksum: Uint8Array): string {
  const bytes = join(ALG, [0x42, 0x4b], [0, 0, 0, 0], salt, checksum.subarray(0, 8), idBytes(keyId), seed, publicKey);
  return `untrusted comment: secret key ${keyId}\n${toBase64(bytes)}\n`;
}

/** The seed and key id of an unencrypted usign secret key file, or null. */
export function parseSecretKey(text: string): { keyId: string; seed: Uint8Array; publicKey: Uint8Array } | null {
  const line = payloadLine(text);
  const bytes = line === null ? null : fromBase64(line);
  if (!bytes || bytes.length !== 104 || bytes[0] !== ALG[0] || bytes[1] !== ALG[1]) return null;
  if (bytes[4] || bytes[5] || bytes[6] || bytes[7]) return null; // password-protected: not supported, as in usign
  return { keyId: keyIdHex(bytes.subarray(32, 40)), seed: bytes.slice(40, 72), publicKey: bytes.slice(72, 104) };
}
