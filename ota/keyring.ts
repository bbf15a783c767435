// The ISP's keys: one Ed25519 key per role, in usign's file formats, in a
// directory the ISP keeps offline (the root key above all). `<role>.key` is
// the secret key (mode 0600), `<role>.pub` the public key; keys.json is the
// chain of key lists the devices walk (core/ota/verify.ts applyKeyChain).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyChain, Role } from '../device-daemon/src/core/ota/manifest.ts';
import { formatPublicKey, formatSecretKey, formatSignature, parseSecretKey } from '../device-daemon/src/core/ota/usign.ts';
import { generateEd25519, signEd25519 } from '../device-daemon/src/ports/ota/ed25519.ts';

export type Signer = { role: Role; keyId: string; seed: Uint8Array; publicKey: Uint8Array };

export class CliError extends Error {}

export function newSigner(role: Role): Signer {
  const { seed, publicKey } = generateEd25519();
  return { role, keyId: randomBytes(8).toString('hex'), seed, publicKey };
}

export function writeSigner(dir: string, signer: Signer): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const checksum = createHash('sha512').update(Buffer.concat([signer.seed, signer.publicKey])).digest();
  writeFileSync(join(dir, `${signer.role}.key`), formatSecretKey(signer.keyId, signer.seed, signer.publicKey, randomBytes(16), checksum), { mode: 0o600 });
  writeFileSync(join(dir, `${signer.role}.pub`), formatPublicKey({ keyId: signer.keyId, key: signer.publicKey }, `${signer.role} key ${signer.keyId}`));
}

export function readSigner(dir: string, role: Role): Signer {
  const file = join(dir, `${role}.key`);
  if (!existsSync(file)) throw new CliError(`no ${role} key in ${dir} (run keygen first)`);
  const parsed = parseSecretKey(readFileSync(file, 'utf8'));
  if (!parsed) throw new CliError(`${file} is not an unencrypted usign secret key`);
  return { role, ...parsed };
}

/** Moves a role's key files aside, named by key id, when a new key replaces them. */
export function retireSigner(dir: string, signer: Signer): void {
  const retired = join(dir, 'retired');
  mkdirSync(retired, { recursive: true, mode: 0o700 });
  for (const ext of ['key', 'pub']) renameSync(join(dir, `${signer.role}.${ext}`), join(retired, `${signer.role}-${signer.keyId}.${ext}`));
}

/** usign's signature file for `bytes`. */
export function signBytes(signer: Signer, bytes: Uint8Array): string {
  return formatSignature({ keyId: signer.keyId, signature: signEd25519(signer.seed, signer.publicKey, bytes) });
}

export function publicKeyText(signer: Signer): string {
  return formatPublicKey({ keyId: signer.keyId, key: signer.publicKey }, `${signer.role} key ${signer.keyId}`);
}

/** A new link of the key chain listing `signers`, signed by `by` (the root the devices trust now). */
export function chainLink(version: number, signers: Signer[], by: Signer, now: number): KeyChain['chain'][number] {
  const body = JSON.stringify({
    format: 1,
    version,
    issued: new Date(now).toISOString(),
    keys: signers.map((s) => ({ role: s.role, publicKey: publicKeyText(s).split('\n')[1] })),
  });
  return { body, signature: signBytes(by, new TextEncoder().encode(body)) };
}

export function readChain(dir: string): KeyChain {
  const file = join(dir, 'keys.json');
  if (!existsSync(file)) throw new CliError(`no keys.json in ${dir}`);
  return JSON.parse(readFileSync(file, 'utf8')) as KeyChain;
}

export function writeChain(dir: string, chain: KeyChain): void {
  writeFileSync(join(dir, 'keys.json'), `${JSON.stringify(chain, null, 2)}\n`);
}
