// The access points in UCI `wireless` as OpenWrt writes them, one network per
// wifi-iface in mode 'ap' that is not disabled. A radio names its band with
// `band` (21.02 on) or only `hwmode` (before); a Wi-Fi 7 multi-link (MLO)
// interface lists several radios in `device`. `encryption` is the hostapd
// mode, optionally with ciphers after a '+' (psk2+ccmp).
import type { UciPackage, UciSection } from './device-data.ts';

export type Band = '2.4 GHz' | '5 GHz' | '6 GHz' | '60 GHz';
/** What the customer may choose; psk and psk-mixed only to keep a network as it is. */
export const SECURITIES = ['none', 'owe', 'psk', 'psk-mixed', 'psk2', 'sae-mixed', 'sae'] as const;
export type Security = (typeof SECURITIES)[number];
/** As read: also enterprise (802.1X) and WEP, which are shown but not changed here. */
export type ReadSecurity = Security | 'enterprise' | 'wep' | 'unknown';

export type WifiNetwork = {
  /** The wifi-iface section's name. */
  id: string;
  bands: Band[];
  ssid: string;
  key: string;
  security: ReadSecurity;
  /** The encryption option as written, ciphers and all. */
  encryption: string;
  /** Wi-Fi 7 multi-link: one network over several radios. */
  mlo: boolean;
  maxClients: number | null;
  editable: boolean;
};

const BAND: Record<string, Band> = { '2g': '2.4 GHz', '5g': '5 GHz', '6g': '6 GHz', '60g': '60 GHz' };
// hwmode before 21.02: 11b/11g (and the old 11ng) are 2.4 GHz, 11a (11na, 11ac) 5 GHz, 11ad 60 GHz.
const HWMODE: Record<string, Band> = { '11b': '2.4 GHz', '11g': '2.4 GHz', '11ng': '2.4 GHz', '11a': '5 GHz', '11na': '5 GHz', '11ac': '5 GHz', '11ad': '60 GHz' };
const ENTERPRISE = /^(wpa|wpa2|wpa3|wpa-mixed|wpa2-mixed|wpa3-mixed|wpa3-192|8021x)$/;

const one = (v: string | string[] | undefined) => (v === undefined ? '' : Array.isArray(v) ? v.join(' ') : v);
const on = (v: string | string[] | undefined) => /^(1|on|true|yes|enabled)$/.test(one(v));

/** The security an `encryption` value stands for ('none' when unset, as hostapd takes it). */
export function securityOf(encryption: string): ReadSecurity {
  const base = encryption.split('+')[0]!.trim().toLowerCase();
  if (base === '' || base === 'none' || base === 'open') return 'none';
  if ((SECURITIES as readonly string[]).includes(base)) return base as Security;
  if (ENTERPRISE.test(base)) return 'enterprise';
  return base.startsWith('wep') ? 'wep' : 'unknown';
}

function bandOf(radio: UciSection | undefined): Band | null {
  if (!radio) return null;
  return BAND[one(radio.options.band)] ?? HWMODE[one(radio.options.hwmode)] ?? null;
}

/** The access points, in the order of the file. */
export function readWifiNetworks(pkg: UciPackage): WifiNetwork[] {
  const radios = new Map(pkg.sections.filter((s) => s.type === 'wifi-device').map((s) => [s.name, s]));
  return pkg.sections
    .filter((s) => s.type === 'wifi-iface' && one(s.options.mode) === 'ap' && !on(s.options.disabled))
    .flatMap((s) => {
      const devices = one(s.options.device).split(/\s+/).filter(Boolean);
      // A network whose every radio is switched off is not on the air.
      const live = devices.filter((d) => !on(radios.get(d)?.options.disabled));
      if (devices.length > 0 && live.length === 0) return [];
      const bands = [...new Set(live.map((d) => bandOf(radios.get(d))).filter((b): b is Band => b !== null))];
      const encryption = one(s.options.encryption);
      const security = securityOf(encryption);
      const max = Number(one(s.options.maxassoc));
      return [
        {
          id: s.name,
          bands,
          ssid: one(s.options.ssid),
          key: one(s.options.key),
          security,
          encryption,
          mlo: on(s.options.mlo) || devices.length > 1,
          maxClients: Number.isInteger(max) && max > 0 ? max : null,
          editable: (SECURITIES as readonly string[]).includes(security),
        },
      ];
    });
}

/** Every editable network has one name, key and security: the page offers them as one. */
export function sameOnAllBands(networks: WifiNetwork[]): boolean {
  const editable = networks.filter((n) => n.editable);
  return editable.every((n) => n.ssid === editable[0]!.ssid && n.key === editable[0]!.key && n.security === editable[0]!.security);
}
