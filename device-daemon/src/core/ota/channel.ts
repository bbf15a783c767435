// One poll of the update channel, judged: the key chain first (it may bring
// new keys), then the release manifest and the notices, each against what was
// accepted before. The device and the ISP's `verify` command both run this.
import { Manifest, NoticeList } from './manifest.ts';
import { applyKeyChain, verifyDocument, type Accepted, type ClockReading, type Ed25519Verify, type TrustedKeys, type Verdict } from './verify.ts';

export type SignedBytes = { bytes: Uint8Array; signature: string };
export type Fetched = { keys: Uint8Array | null; manifest: SignedBytes | null; notices: SignedBytes | null };
export type ChannelState = { trusted: TrustedKeys; manifest: Accepted; notices: Accepted };

export type ChannelVerdict = {
  trusted: TrustedKeys;
  keysError: string | null;
  manifest: Verdict<Manifest> | null;
  notices: Verdict<NoticeList> | null;
};

export function verifyChannel(fetched: Fetched, state: ChannelState, clock: ClockReading, verify: Ed25519Verify): ChannelVerdict {
  const chain = fetched.keys ? applyKeyChain(fetched.keys, state.trusted, verify) : { trusted: state.trusted, error: null };
  const trusted = chain.trusted;
  const manifest = fetched.manifest
    ? verifyDocument({ ...fetched.manifest, role: 'release', schema: Manifest, trusted, last: state.manifest, clock }, verify)
    : null;
  const notices = fetched.notices
    ? verifyDocument({ ...fetched.notices, role: 'notices', schema: NoticeList, trusted, last: state.notices, clock }, verify)
    : null;
  return { trusted, keysError: chain.error, manifest, notices };
}
