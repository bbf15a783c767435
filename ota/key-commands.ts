// keygen and rotate-keys.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../device-daemon/src/core/ota/manifest.ts';
import { ROLES } from '../device-daemon/src/core/ota/manifest.ts';
import { chainLink, CliError, newSigner, readChain, readSigner, retireSigner, writeChain, writeSigner } from './keyring.ts';

/** Makes a root, a release and a notices key and the first key list, signed by the root. */
export function keygen(dir: string, now: number): string[] {
  if (existsSync(join(dir, 'root.key'))) throw new CliError(`${dir} already holds keys; use rotate-keys to replace them`);
  const signers = ROLES.map(newSigner);
  for (const s of signers) writeSigner(dir, s);
  writeChain(dir, { format: 1, chain: [chainLink(1, signers, signers[0]!, now)] });
  return [
    `keys written to ${dir} (keep root.key offline)`,
    'put the root public key on every device:',
    `  uci add_list modem-admin.ota.root_key='${readPublicLine(dir, 'root')}'`,
  ];
}

function readPublicLine(dir: string, role: Role): string {
  const s = readSigner(dir, role);
  return Buffer.concat([Buffer.from('Ed'), Buffer.from(s.keyId, 'hex'), Buffer.from(s.publicKey)]).toString('base64');
}

/**
 * Replaces the keys of `roles` with new ones. The new key list is signed by
 * the old root, so devices that trust the old root accept it, and from then
 * on trust the new root for the next rotation.
 */
export function rotateKeys(dir: string, roles: Role[], now: number): string[] {
  const chain = readChain(dir);
  const oldRoot = readSigner(dir, 'root');
  const current = ROLES.map((r) => readSigner(dir, r));
  const next = current.map((s) => (roles.includes(s.role) ? newSigner(s.role) : s));
  const version = JSON.parse(chain.chain.at(-1)!.body).version + 1;
  chain.chain.push(chainLink(version, next, oldRoot, now));
  for (const s of current) if (roles.includes(s.role)) retireSigner(dir, s);
  for (const s of next) if (roles.includes(s.role)) writeSigner(dir, s);
  writeChain(dir, chain);
  return [`key list ${version} signed by the old root ${oldRoot.keyId}: ${roles.join(', ')} replaced; run refresh (or publish) to sign with the new keys and ship keys.json`];
}
