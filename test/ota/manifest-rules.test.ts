// The device's rules for the channel (core/ota/verify.ts, channel.ts), on
// documents made by the ISP's CLI: every manifest fault of the issue, and key
// rotation chained and broken.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { verifyChannel, type ChannelState, type Fetched } from '../../device-daemon/src/core/ota/channel.ts';
import { configuredRoots } from '../../device-daemon/src/core/ota/verify.ts';
import { verifyEd25519 } from '../../device-daemon/src/ports/ota/ed25519.ts';
import { noticeAdd } from '../../ota/channel-commands.ts';
import { rotateKeys } from '../../ota/key-commands.ts';
import { chainLink, newSigner, readChain, readSigner, signBytes, writeChain } from '../../ota/keyring.ts';
import { writeManifest } from '../../ota/channel.ts';
import { makeKeys, NOW, publishRelease } from '../helpers/ota-channel.ts';

const rules = suite('update channel rules');
const DAY = 86_400_000;

function fetched(out: string): Fetched {
  const signed = (name: string) => ({ bytes: readFileSync(join(out, name)), signature: readFileSync(join(out, `${name}.sig`), 'utf8') });
  return { keys: readFileSync(join(out, 'keys.json')), manifest: signed('manifest.json'), notices: null };
}

function channel() {
  const k = makeKeys();
  publishRelease(k.keys, k.out, [{ id: 'r1', kind: 'package', version: '1.1.0-1', file: 'a.ipk' }], { 'a.ipk': 'package bytes' });
  const state: ChannelState = { trusted: configuredRoots([k.rootLine]), manifest: null, notices: null };
  return { ...k, state };
}

const clock = (now = NOW) => ({ now, trusted: true });
const reason = (f: Fetched, state: ChannelState, c = clock()) => {
  const v = verifyChannel(f, state, c, verifyEd25519).manifest!;
  return v.ok ? 'ok' : v.reason;
};

rules('a freshly published manifest verifies from the root key alone', () => {
  const c = channel();
  const v = verifyChannel(fetched(c.out), c.state, clock(), verifyEd25519);
  assert.is(v.keysError, null);
  assert.is(v.trusted.version, 1);
  assert.ok(v.manifest?.ok);
  if (v.manifest?.ok) assert.is(v.manifest.value.releases[0]!.version, '1.1.0-1');
});

rules('an expired manifest is refused on a trusted clock, and not judged on an untrusted one', () => {
  const c = channel();
  const later = NOW + 31 * DAY;
  assert.is(reason(fetched(c.out), c.state, { now: later, trusted: true }), 'expired');
  assert.is(reason(fetched(c.out), c.state, { now: later, trusted: false }), 'ok');
});

rules('one changed byte breaks the signature', () => {
  const c = channel();
  const f = fetched(c.out);
  const bytes = Buffer.from(f.manifest!.bytes);
  bytes[bytes.indexOf('1.1.0-1')] = '2'.charCodeAt(0);
  assert.is(reason({ ...f, manifest: { ...f.manifest!, bytes } }, c.state), 'bad-signature');
});

rules('a signature by a key the device does not know is refused', () => {
  const c = channel();
  const f = fetched(c.out);
  const stranger = newSigner('release');
  assert.is(reason({ ...f, manifest: { bytes: f.manifest!.bytes, signature: signBytes(stranger, f.manifest!.bytes) } }, c.state), 'unknown-key');
});

rules('a manifest signed by the notices key (the wrong role) is refused', () => {
  const c = channel();
  const f = fetched(c.out);
  const notices = readSigner(c.keys, 'notices');
  assert.is(reason({ ...f, manifest: { bytes: f.manifest!.bytes, signature: signBytes(notices, f.manifest!.bytes) } }, c.state), 'wrong-role');
});

rules('a replayed lower sequence and the same sequence with other bytes are refused', () => {
  const c = channel();
  const first = fetched(c.out);
  const v1 = verifyChannel(first, c.state, clock(), verifyEd25519);
  assert.ok(v1.manifest?.ok);
  if (!v1.manifest?.ok) return;
  publishRelease(c.keys, c.out, [{ id: 'r1', kind: 'package', version: '1.1.1-1', file: 'a.ipk' }], { 'a.ipk': 'package bytes 2' });
  const second = fetched(c.out);
  const accepted = verifyChannel(second, c.state, clock(), verifyEd25519).manifest!;
  assert.ok(accepted.ok);
  const state2 = { ...c.state, trusted: v1.trusted, manifest: { sequence: 2, sha256: accepted.ok ? accepted.sha256 : '' } };
  assert.is(reason(first, state2), 'replayed');
  assert.is(reason(second, state2), 'ok', 'the same document again is fine');
  // Sequence 2 again, other bytes, properly signed: a frozen or forked channel.
  writeManifest(c.out, readSigner(c.keys, 'release'), 2, [], NOW);
  assert.is(reason(fetched(c.out), state2), 'conflicting-sequence');
});

rules('a manifest above 64 KiB is refused before anything else', () => {
  const c = channel();
  const bytes = new Uint8Array(64 * 1024 + 1).fill(32);
  assert.is(reason({ ...fetched(c.out), manifest: { bytes, signature: signBytes(readSigner(c.keys, 'release'), bytes) } }, c.state), 'too-large');
});

rules('an expiry more than 30 days after issue is refused', () => {
  const c = channel();
  const signer = readSigner(c.keys, 'release');
  const bytes = new TextEncoder().encode(JSON.stringify({ format: 1, sequence: 9, issued: '2026-11-21T00:00:00Z', expires: '2026-12-22T00:00:00Z', releases: [] }));
  assert.is(reason({ ...fetched(c.out), manifest: { bytes, signature: signBytes(signer, bytes) } }, c.state), 'expiry-too-far');
});

rules('a signed document with a field out of shape is refused, naming the field', () => {
  const c = channel();
  const signer = readSigner(c.keys, 'release');
  const bytes = new TextEncoder().encode(JSON.stringify({ format: 1, sequence: 9, issued: '2026-11-21T00:00:00Z', expires: '2026-12-01T00:00:00Z', releases: [{ id: 'x' }] }));
  const v = verifyChannel({ ...fetched(c.out), manifest: { bytes, signature: signBytes(signer, bytes) } }, c.state, clock(), verifyEd25519).manifest!;
  assert.ok(!v.ok && v.reason === 'invalid' && /releases\.0\./.test(v.message), JSON.stringify(v));
});

rules('rotated keys are accepted through the chain, and the old release key is then refused', () => {
  const c = channel();
  const oldRelease = readSigner(c.keys, 'release');
  rotateKeys(c.keys, ['root', 'release'], NOW + DAY);
  rotateKeys(c.keys, ['root', 'release', 'notices'], NOW + 2 * DAY);
  publishRelease(c.keys, c.out, [{ id: 'r2', kind: 'package', version: '1.2.0-1', file: 'b.ipk' }], { 'b.ipk': 'newer' }, NOW + 2 * DAY);
  // A device that only knows the first root walks two links.
  const v = verifyChannel(fetched(c.out), c.state, clock(NOW + 2 * DAY), verifyEd25519);
  assert.is(v.keysError, null);
  assert.is(v.trusted.version, 3);
  assert.ok(v.manifest?.ok);
  const f = fetched(c.out);
  assert.is(reason({ ...f, manifest: { bytes: f.manifest!.bytes, signature: signBytes(oldRelease, f.manifest!.bytes) } }, { ...c.state, trusted: v.trusted }, clock(NOW + 2 * DAY)), 'unknown-key');
});

rules('a key list not signed by the previous root breaks the chain, and its keys are not trusted', () => {
  const c = channel();
  const chain = readChain(c.keys);
  // An attacker's root signs a list naming their own release key.
  const evilRoot = newSigner('root');
  const evilRelease = newSigner('release');
  chain.chain.push(chainLink(2, [evilRoot, evilRelease, readSigner(c.keys, 'notices')], evilRoot, NOW));
  writeChain(c.out, chain);
  writeManifest(c.out, evilRelease, 5, [], NOW);
  const v = verifyChannel(fetched(c.out), c.state, clock(), verifyEd25519);
  assert.match(v.keysError ?? '', /key list 2: .*broken chain/);
  assert.is(v.trusted.version, 1, 'the good links before the break stand');
  assert.is(v.manifest && !v.manifest.ok && v.manifest.reason, 'unknown-key');
});

rules('notices are signed by the notices key and verified on the same channel', () => {
  const c = channel();
  const file = join(c.dir, 'notice.json');
  writeFileSync(file, JSON.stringify({ id: 'transfer', kind: 'account', level: 'critical', from: '2026-11-01T00:00:00Z', until: '2027-01-31T00:00:00Z', text: { en: 'Your account is now serviced by the carrier. Call 1-800-233-8974 to continue your service.', pl: 'Twoje konto obsługuje teraz operator sieci. Zadzwoń pod 1-800-233-8974, aby dalej korzystać z usługi.' } }));
  noticeAdd(c.keys, c.out, file, NOW);
  const signed = { bytes: readFileSync(join(c.out, 'notices.json')), signature: readFileSync(join(c.out, 'notices.json.sig'), 'utf8') };
  const v = verifyChannel({ ...fetched(c.out), notices: signed }, c.state, clock(), verifyEd25519);
  assert.ok(v.notices?.ok);
  if (v.notices?.ok) assert.is(v.notices.value.notices[0]!.kind, 'account');
  // The release key may not speak for the notices.
  const forged = { bytes: signed.bytes, signature: signBytes(readSigner(c.keys, 'release'), signed.bytes) };
  const w = verifyChannel({ ...fetched(c.out), notices: forged }, c.state, clock(), verifyEd25519).notices!;
  assert.is(!w.ok && w.reason, 'wrong-role');
});

rules.run();
