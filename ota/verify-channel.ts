// verify: the device's own checks (core/ota/channel.ts) on a published
// directory, from the root key a device is given, then every file's size and
// sha256.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyChannel, type SignedBytes } from '../device-daemon/src/core/ota/channel.ts';
import { configuredRoots } from '../device-daemon/src/core/ota/verify.ts';
import { verifyEd25519 } from '../device-daemon/src/ports/ota/ed25519.ts';

function signed(dir: string, name: string): SignedBytes | null {
  const file = join(dir, name);
  if (!existsSync(file)) return null;
  return { bytes: readFileSync(file), signature: existsSync(`${file}.sig`) ? readFileSync(`${file}.sig`, 'utf8') : '' };
}

/** Lines to print, and whether everything verified. */
export function verifyDirectory(dir: string, rootKeyText: string, now: number): { ok: boolean; lines: string[] } {
  const lines: string[] = [];
  let ok = true;
  const fail = (line: string) => {
    ok = false;
    lines.push(`FAIL ${line}`);
  };
  const trusted = configuredRoots([rootKeyText]);
  if (trusted.keys.length === 0) return { ok: false, lines: ['FAIL the root key is not a usign public key'] };
  const keys = existsSync(join(dir, 'keys.json')) ? readFileSync(join(dir, 'keys.json')) : null;
  const verdict = verifyChannel(
    { keys, manifest: signed(dir, 'manifest.json'), notices: signed(dir, 'notices.json') },
    { trusted, manifest: null, notices: null },
    { now, trusted: true },
    verifyEd25519,
  );
  if (verdict.keysError) fail(`keys.json: ${verdict.keysError}`);
  else lines.push(`ok   keys.json: key list ${verdict.trusted.version} (${verdict.trusted.keys.map((k) => `${k.role} ${k.keyId}`).join(', ')})`);
  if (!verdict.manifest && !verdict.notices) fail('neither manifest.json nor notices.json');
  if (verdict.manifest && !verdict.manifest.ok) fail(`manifest.json: ${verdict.manifest.message}`);
  if (verdict.manifest?.ok) {
    const m = verdict.manifest.value;
    lines.push(`ok   manifest.json: sequence ${m.sequence}, expires ${new Date(m.expires).toISOString()}`);
    for (const r of m.releases) {
      const file = join(dir, r.file.path);
      if (!existsSync(file)) {
        fail(`${r.id}: ${r.file.path} is missing`);
        continue;
      }
      const bytes = readFileSync(file);
      const sha = createHash('sha256').update(bytes).digest('hex');
      if (bytes.length !== r.file.size || sha !== r.file.sha256) fail(`${r.id}: ${r.file.path} does not match its size and sha256`);
      else lines.push(`ok   ${r.id}: ${r.kind} ${r.version}, ${r.rollout.percent}% of devices, ${r.file.size} bytes`);
    }
  }
  if (verdict.notices && !verdict.notices.ok) fail(`notices.json: ${verdict.notices.message}`);
  if (verdict.notices?.ok) lines.push(`ok   notices.json: sequence ${verdict.notices.value.sequence}, ${verdict.notices.value.notices.length} notice(s)`);
  return { ok, lines };
}
