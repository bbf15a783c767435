// GET/PUT /api/wifi: shared with the UI. Values are never
// trimmed: what the customer typed is what the access point announces.
import * as v from 'valibot';
import { SECURITIES, type Band, type ReadSecurity } from '../../core/wifi-networks.ts';

/** UTF-8 length in bytes: what 802.11 limits (32 for an SSID), not characters. */
export const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

export { SECURITIES, type Security } from '../../core/wifi-networks.ts';

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

/** wifi-iface section names as UCI writes them. */
const NetworkId = v.pipe(v.string('a network is named by its id'), v.regex(/^[A-Za-z0-9_@[\]-]{1,64}$/, 'not a Wi-Fi network id'));

export const WifiInput = v.strictObject({
  /** The networks to change: ids from GET /api/wifi, or 'all' (the same name and key on every band). */
  networks: v.union([v.literal('all'), v.pipe(v.array(NetworkId), v.minLength(1, 'choose at least one Wi-Fi network'))], "networks must be 'all' or a list of network ids"),
  ssid: Ssid,
  /** Absent: each network keeps its own password. */
  key: v.optional(Passphrase),
  security: v.picklist(SECURITIES, 'security must be none, owe, psk, psk-mixed, psk2 (WPA2), sae-mixed (WPA2/WPA3) or sae (WPA3)'),
  maxClients: v.optional(MaxClients),
});

export type WifiInputJson = v.InferOutput<typeof WifiInput>;

/** One access point. `editable` false: enterprise or WEP, shown and left alone. `key` only with ?reveal=1. */
export type WifiNetworkJson = {
  id: string;
  bands: Band[];
  ssid: string;
  security: ReadSecurity;
  /** Wi-Fi 7 multi-link: one network over several radios. */
  mlo: boolean;
  /** Only WPA3 (or OWE) may be used: 6 GHz or multi-link. */
  wpa3Only: boolean;
  maxClients: number | null;
  editable: boolean;
  key?: string;
};

/** GET /api/wifi. `same`: every editable network has one name, key and security. `state`: the last change's reload. */
export type WifiJson = {
  networks: WifiNetworkJson[];
  same: boolean;
  state: 'applied' | 'applying' | 'restored';
};

