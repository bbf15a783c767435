// Wi-Fi settings live in UCI `wireless`: one wifi-iface section per radio and
// network. Every access point gets the same name, key and security.
import type { UciCommand, UciPort, WifiPort, WifiSecurity, WifiSettings } from '../types.ts';

const SECURITIES: WifiSecurity[] = ['psk2', 'sae-mixed', 'sae'];

export function uciWifi(uci: UciPort, reload: () => Promise<void>): WifiPort {
  async function accessPoints() {
    const pkg = await uci.show('wireless');
    return pkg.sections.filter((s) => s.type === 'wifi-iface' && s.options.mode === 'ap');
  }
  return {
    async get(): Promise<WifiSettings> {
      const [first] = await accessPoints();
      if (!first) throw new Error('no Wi-Fi access point is configured');
      const encryption = String(first.options.encryption ?? 'psk2');
      const security = SECURITIES.find((s) => encryption === s || encryption.startsWith(`${s}+`)) ?? 'psk2';
      return { ssid: String(first.options.ssid ?? ''), key: String(first.options.key ?? ''), security };
    },
    async set(settings) {
      const commands: UciCommand[] = (await accessPoints()).flatMap((s) => [
        { op: 'set', path: `wireless.${s.name}.ssid`, value: settings.ssid },
        { op: 'set', path: `wireless.${s.name}.key`, value: settings.key },
        { op: 'set', path: `wireless.${s.name}.encryption`, value: settings.security },
      ]);
      await uci.batch('wireless', commands);
      await reload();
    },
  };
}
