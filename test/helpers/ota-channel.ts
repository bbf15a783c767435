// An ISP's update channel made with the CLI's own modules (ota/): keys in a
// temporary directory and a published directory to serve or verify.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keygen } from '../../ota/key-commands.ts';
import { readSigner } from '../../ota/keyring.ts';
import { publish } from '../../ota/publish.ts';

export const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);

export type ReleaseInput = Record<string, unknown> & { id: string; kind: 'package' | 'firmware'; version: string; file: string };

export function makeKeys(now = NOW) {
  const dir = mkdtempSync(join(tmpdir(), 'ota-'));
  const keys = join(dir, 'keys');
  keygen(keys, now);
  const rootLine = () => {
    const root = readSigner(keys, 'root');
    return Buffer.concat([Buffer.from('Ed'), Buffer.from(root.keyId, 'hex'), Buffer.from(root.publicKey)]).toString('base64');
  };
  return { dir, keys, out: join(dir, 'out'), rootLine: rootLine() };
}

/** Writes `files` beside a release description and publishes it. */
export function publishRelease(keys: string, out: string, releases: ReleaseInput[], files: Record<string, Uint8Array | string>, now = NOW, extra: object = {}): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ota-release-'));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  const defaults = { rolloutPercent: 100, earliestInstall: '2026-11-25T00:00:00Z', notes: { en: 'A faster usage page', pl: 'Szybsza strona zużycia' } };
  writeFileSync(join(dir, 'release.json'), JSON.stringify({ ...extra, releases: releases.map((r) => ({ ...defaults, ...r })) }));
  return publish(keys, out, join(dir, 'release.json'), now);
}
