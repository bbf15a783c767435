// usign's formats (openwrt/usign main.c): a public key is "Ed" + key id + key,
// a signature "Ed" + key id + signature, each a base64 line after an
// "untrusted comment:" line; checked on a real OpenWrt release key.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sha256Hex } from '../../../device-daemon/src/core/ota/sha256.ts';
import {
  formatPublicKey,
  formatSecretKey,
  formatSignature,
  normaliseKeyId,
  parsePublicKey,
  parseSecretKey,
  parseSignature,
} from '../../../device-daemon/src/core/ota/usign.ts';
import { generateEd25519, signEd25519, verifyEd25519 } from '../../../device-daemon/src/ports/ota/ed25519.ts';

const usign = suite('usign formats');

usign("OpenWrt's 23.05 release key parses to the key id its file is named by", () => {
  const text = readFileSync(new URL('../../fixtures/usign/682970064b87a917', import.meta.url), 'utf8');
  const key = parsePublicKey(text);
  assert.ok(key);
  assert.is(key.keyId, '682970064b87a917');
  assert.is(key.key.length, 32);
});

usign('a key id written without leading zeros, as usign prints it, is the same id', () => {
  assert.is(normaliseKeyId('2970064b87a917'), '002970064b87a917');
  assert.is(normaliseKeyId('xyz'), null);
});

usign('a public key and a signature survive formatting and parsing, and the signature verifies', () => {
  const { seed, publicKey } = generateEd25519();
  const keyId = randomBytes(8).toString('hex');
  const keyText = formatPublicKey({ keyId, key: publicKey });
  assert.match(keyText, /^untrusted comment: public key [0-9a-f]{16}\n[A-Za-z0-9+/=]{56}\n$/);
  const message = new TextEncoder().encode('Package: modem-admin\n');
  const sigText = formatSignature({ keyId, signature: signEd25519(seed, publicKey, message) });
  assert.match(sigText, /^untrusted comment: signed by key [0-9a-f]{16}\n[A-Za-z0-9+/=]{100}\n$/);
  const key = parsePublicKey(keyText)!;
  const sig = parseSignature(sigText)!;
  assert.is(sig.keyId, keyId);
  assert.ok(verifyEd25519(key.key, message, sig.signature));
  assert.not.ok(verifyEd25519(key.key, new TextEncoder().encode('Package: modem-admin \n'), sig.signature));
});

usign('a secret key file has the 104-byte layout with the SHA-512 checksum of the secret', () => {
  const { seed, publicKey } = generateEd25519();
  const secret = Buffer.concat([seed, publicKey]);
  const checksum = createHash('sha512').update(secret).digest().subarray(0, 8);
  const text = formatSecretKey('0011223344556677', seed, publicKey, randomBytes(16), checksum);
  const bytes = Buffer.from(text.split('\n')[1]!, 'base64');
  assert.is(bytes.length, 104);
  assert.is(bytes.subarray(0, 4).toString(), 'EdBK');
  assert.equal([...bytes.subarray(24, 32)], [...checksum]);
  const parsed = parseSecretKey(text)!;
  assert.is(parsed.keyId, '0011223344556677');
  assert.equal([...parsed.seed], [...seed]);
});

usign('malformed keys and signatures are refused', () => {
  assert.is(parsePublicKey('untrusted comment: x\nnot base64!\n'), null);
  assert.is(parsePublicKey(`untrusted comment: x\n${Buffer.alloc(42).toString('base64')}\n`), null); // no "Ed"
  assert.is(parseSignature(`untrusted comment: x\n${Buffer.from('Ed' + 'x'.repeat(40)).toString('base64')}\n`), null); // too short
});

usign('the pure SHA-256 agrees with node:crypto on every length around the block size', () => {
  for (let n = 0; n < 300; n++) {
    const data = randomBytes(n);
    assert.is(sha256Hex(data), createHash('sha256').update(data).digest('hex'), `length ${n}`);
  }
  assert.is(sha256Hex('zażółć'), createHash('sha256').update('zażółć').digest('hex'));
});

usign.run();
