// GET/PUT /api/wifi: shared with the UI. Values are never
// trimmed: what the customer typed is what the access point announces.
import * as v from 'valibot';

/** UTF-8 length in bytes: what 802.11 limits (32 for an SSID), not characters. */
export const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

export const SECURITIES = ['psk2', 'sae-mixed', 'sae'] as const;
export type Security = (typeof SECURITIES)[number];

// Control characters (C0, DEL, C1) and lone surrogates, which UTF-8 cannot carry.
const CONTROL = /[\p{Cc}\p{Cs}]/u;

export const Ssid = v.pipe(
  v.string('the name must be text'),
  v.check((s) => !CONTROL.test(s), 'the name cannot hold control characters or line breaks'),
  v.check((s) => s.length > 0 && utf8Bytes(s) <= 32, 'the name must be 1 to 32 bytes (an emoji takes 4)'),
);

export const Passphrase = v.pipe(
  v.string('the password must be text'),
  v.regex(/^(?:[\x20-\x7e]{8,63}|[0-9A-Fa-f]{64})$/, 'the password must be 8 to 63 printable ASCII characters, or 64 hex digits'),
);

/** Most stations at once on each access point (UCI wifi-iface maxassoc); null: no limit. */
export const MaxClients = v.nullable(
  v.pipe(v.number('the client limit must be a number'), v.integer('the client limit must be a whole number'), v.minValue(1, 'allow at least 1 client'), v.maxValue(250, 'at most 250 clients')),
);

export const WifiInput = v.strictObject({
  ssid: Ssid,
  key: Passphrase,
  security: v.picklist(SECURITIES, 'security must be psk2 (WPA2), sae-mixed (WPA2/WPA3) or sae (WPA3)'),
  maxClients: v.optional(MaxClients),
});

export type WifiInputJson = v.InferOutput<typeof WifiInput>;

/** GET /api/wifi. `key` only with ?reveal=1. `state`: the last change's reload. */
export type WifiJson = {
  ssid: string;
  security: Security;
  maxClients: number | null;
  bands: string[];
  state: 'applied' | 'applying' | 'restored';
  key?: string;
};
