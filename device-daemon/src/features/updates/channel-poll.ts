// One poll of the ISP's channel: fetch keys.json, manifest.json and
// notices.json (each conditional on its ETag, each with its signature), judge
// them with the core's rules, and keep what passed.
import { verifyChannel, type SignedBytes } from '../../core/ota/channel.ts';
import { MAX_DOCUMENT_BYTES } from '../../core/ota/manifest.ts';
import type { OtaConfig } from '../../core/ota/ota-config.ts';
import { configuredRoots, restoreKeys, storeKeys, type ClockReading } from '../../core/ota/verify.ts';
import { verifyEd25519 } from '../../ports/ota/ed25519.ts';
import { DownloadError, fetchDocument } from '../../ports/ota/http-fetch.ts';
import type { UpdatesState } from './state.ts';

type Name = 'keys' | 'manifest' | 'notices';
const FILES: Record<Name, string> = { keys: 'keys.json', manifest: 'manifest.json', notices: 'notices.json' };

export type PollResult = { ok: boolean; message: string; changed: boolean };

export async function pollChannel(state: UpdatesState, config: OtaConfig, clock: ClockReading, onBytes: (n: number) => void): Promise<PollResult> {
  const url = config.url;
  if (!url) return { ok: false, message: 'no update channel configured (ota.url)', changed: false };
  const options = { timeoutMs: 60_000, idleMs: 20_000, onBytes };
  const newEtags: Partial<Record<Name, string>> = {};
  async function get(name: Name, optional: boolean): Promise<Uint8Array | null | 'same'> {
    try {
      const doc = await fetchDocument(`${url}/${FILES[name]}`, state.etags[name] ?? null, MAX_DOCUMENT_BYTES, options);
      if (doc.status === 'not-modified') return 'same';
      if (doc.etag) newEtags[name] = doc.etag;
      return doc.bytes;
    } catch (error) {
      if (optional && error instanceof DownloadError && /HTTP 404/.test(error.message)) return null;
      throw error;
    }
  }
  async function signed(name: 'manifest' | 'notices', optional: boolean): Promise<SignedBytes | null> {
    const bytes = await get(name, optional);
    if (bytes === null || bytes === 'same') return null;
    const sig = await fetchDocument(`${url}/${FILES[name]}.sig`, null, 4096, options);
    return { bytes, signature: sig.status === 'ok' ? new TextDecoder().decode(sig.bytes) : '' };
  }
  const keys = await get('keys', true);
  const manifest = await signed('manifest', false);
  const notices = await signed('notices', true);

  const trusted = state.keys ? restoreKeys(state.keys) : configuredRoots(config.rootKeys);
  if (trusted.keys.length === 0) return { ok: false, message: 'no root key configured (ota.root_key)', changed: false };
  const verdict = verifyChannel(
    { keys: keys instanceof Uint8Array ? keys : null, manifest, notices },
    { trusted, manifest: state.manifest, notices: state.notices },
    clock,
    verifyEd25519,
  );
  const problems: string[] = [];
  let changed = false;
  if (verdict.trusted.version !== trusted.version || !state.keys) {
    state.keys = storeKeys(verdict.trusted);
    changed = true;
  }
  if (verdict.keysError) problems.push(`keys.json: ${verdict.keysError}`);
  else if (newEtags.keys) state.etags.keys = newEtags.keys;
  if (verdict.manifest?.ok) {
    const m = verdict.manifest.value;
    changed ||= state.manifest?.sequence !== m.sequence;
    state.manifest = { sequence: m.sequence, sha256: verdict.manifest.sha256 };
    state.manifestExpires = m.expires;
    state.releases = m.releases;
    if (newEtags.manifest) state.etags.manifest = newEtags.manifest;
  } else if (verdict.manifest) problems.push(`manifest.json: ${verdict.manifest.message}`);
  else if (clock.trusted && state.manifestExpires !== null && state.manifestExpires <= clock.now)
    // Unchanged on the server (304) and past its date: the ISP stopped signing it.
    problems.push(`manifest.json: expired at ${new Date(state.manifestExpires).toISOString()}; nothing installs until the ISP signs it again`);
  if (verdict.notices?.ok) {
    const n = verdict.notices.value;
    changed ||= state.notices?.sequence !== n.sequence;
    state.notices = { sequence: n.sequence, sha256: verdict.notices.sha256 };
    // The new list replaces the old (a notice left out was withdrawn); each stays until its own end.
    state.noticeList = n.notices.filter((x) => x.until > clock.now);
    if (newEtags.notices) state.etags.notices = newEtags.notices;
  } else if (verdict.notices) problems.push(`notices.json: ${verdict.notices.message}`);
  return problems.length ? { ok: false, message: problems.join('; '), changed } : { ok: true, message: changed ? 'new channel data accepted' : 'no change', changed };
}
