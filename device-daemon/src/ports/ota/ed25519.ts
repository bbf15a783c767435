// Ed25519 from node:crypto, for the core's signature rules (core/ota/verify.ts)
// and the ISP's CLI. Keys travel as raw bytes (usign's layout); node:crypto
// takes them as JWK.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { Ed25519Verify } from '../../core/ota/verify.ts';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

export const verifyEd25519: Ed25519Verify = (publicKey, message, signature) => {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(publicKey) }, format: 'jwk' });
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
};

export function generateEd25519(): { seed: Uint8Array; publicKey: Uint8Array } {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  return { seed: Buffer.from(jwk.d!, 'base64url'), publicKey: Buffer.from(jwk.x!, 'base64url') };
}

export function signEd25519(seed: Uint8Array, publicKey: Uint8Array, message: Uint8Array): Uint8Array {
  const key = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: b64url(seed), x: b64url(publicKey) }, format: 'jwk' });
  return sign(null, message, key);
}
