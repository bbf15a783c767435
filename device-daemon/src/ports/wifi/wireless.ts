// Wi-Fi settings in UCI `wireless`: every access-point wifi-iface (2.4 and
// 5 GHz) gets the same name, key, security and client limit, in one batch.
import type { UciCommand, UciPort, UciSection, WifiSecurity, WirelessPort } from '../types.ts';

const KEYS = ['ssid', 'key', 'encryption', 'maxassoc'] as const;
const SECURITIES: WifiSecurity[] = ['sae-mixed', 'sae', 'psk2'];
const BANDS: Record<string, string> = { '2g': '2.4 GHz', '5g': '5 GHz', '6g': '6 GHz', '60g': '60 GHz' };

const str = (v: string | string[] | undefined) => (v === undefined ? undefined : String(v));

/** The commands that give each section in `sections` these option values (undefined deletes). */
function commands(sections: UciSection[], values: (s: UciSection) => Partial<Record<(typeof KEYS)[number], string>>): UciCommand[] {
  return sections.flatMap((s) => {
    const want = values(s);
    return KEYS.filter((k) => k in want).map((k): UciCommand => {
      const path = `wireless.${s.name}.${k}`;
      const value = want[k];
      return value === undefined ? { op: 'delete', path } : { op: 'set', path, value };
    });
  });
}

/** The WirelessPort over `uci`; `reload` is `wifi reload` on the device. */
export function uciWireless(uci: UciPort, reload: () => Promise<void>): WirelessPort {
  async function read() {
    const pkg = await uci.show('wireless');
    const aps = pkg.sections.filter((s) => s.type === 'wifi-iface' && s.options.mode === 'ap');
    if (!aps[0]) throw new Error('no Wi-Fi access point is configured');
    return { pkg, aps, o: aps[0].options };
  }
  return {
    async read() {
      const { pkg, aps, o } = await read();
      const encryption = str(o.encryption) ?? '';
      const max = Number(o.maxassoc);
      const bands = aps.map((ap) => BANDS[str(pkg.sections.find((s) => s.name === ap.options.device)?.options.band) ?? ''] ?? '');
      return {
        ssid: str(o.ssid) ?? '',
        key: str(o.key) ?? '',
        security: SECURITIES.find((s) => encryption === s || encryption.startsWith(`${s}+`)) ?? 'psk2',
        maxClients: max > 0 ? max : null,
        bands: [...new Set(bands.filter(Boolean))],
      };
    },
    async write(next) {
      const { aps } = await read();
      const before = new Map(aps.map((s) => [s.name, Object.fromEntries(KEYS.map((k) => [k, str(s.options[k])]))]));
      const max = next.maxClients === undefined ? {} : { maxassoc: next.maxClients === null ? undefined : String(next.maxClients) };
      await uci.batch('wireless', commands(aps, () => ({ ssid: next.ssid, key: next.key, encryption: next.security, ...max })));
      return async () => {
        try {
          await reload();
        } catch (error) {
          await uci.batch('wireless', commands(aps, (s) => before.get(s.name)!));
          await reload();
          throw error;
        }
      };
    },
  };
}
