// A change of Wi-Fi settings as UCI commands, for the networks the customer
// chose: one band, or all of them ("same on all bands" is asked for, never a
// side effect). 6 GHz admits only WPA3 (SAE) or OWE, and a Wi-Fi 7 multi-link
// network only WPA3: WPA2/WPA3 becomes SAE there, WPA2 or an open network is refused.
import type { UciCommand } from './device-data.ts';
import { type Security, type WifiNetwork } from './wifi-networks.ts';

export type WifiChange = {
  /** wifi-iface names, or 'all' for every editable network. */
  networks: string[] | 'all';
  ssid: string;
  /** Absent: each network keeps its own key. */
  key?: string;
  security: Security;
  /** null removes the limit; absent leaves it. */
  maxClients?: number | null;
};

export type WifiPlan =
  | { ok: true; commands: UciCommand[]; targets: { id: string; security: Security }[] }
  | { ok: false; field: 'networks' | 'key' | 'security'; message: string };

const KEYED: Security[] = ['psk', 'psk-mixed', 'psk2', 'sae-mixed', 'sae'];

/** Whether a network may carry only WPA3 or OWE. */
export const wpa3Only = (n: WifiNetwork) => n.bands.includes('6 GHz') || n.mlo;

/** The commands for `change`, or what is wrong with it (the field and a sentence). */
export function planWifiChange(networks: WifiNetwork[], change: WifiChange): WifiPlan {
  const ids = change.networks === 'all' ? networks.filter((n) => n.editable).map((n) => n.id) : change.networks;
  if (ids.length === 0) return { ok: false, field: 'networks', message: 'choose at least one Wi-Fi network' };
  const targets: { net: WifiNetwork; security: Security }[] = [];
  for (const id of ids) {
    const net = networks.find((n) => n.id === id);
    if (!net) return { ok: false, field: 'networks', message: `there is no Wi-Fi network ${JSON.stringify(id)}` };
    if (!net.editable) return { ok: false, field: 'networks', message: `${net.ssid} uses ${net.security} security, which is managed elsewhere` };
    let security = change.security;
    if (wpa3Only(net)) {
      const where = net.bands.includes('6 GHz') ? '6 GHz' : 'a Wi-Fi 7 multi-link network';
      if (security === 'sae-mixed') security = 'sae';
      else if (security !== 'sae' && !(security === 'owe' && !net.mlo)) {
        return { ok: false, field: 'security', message: `${where} allows only WPA3${net.mlo ? '' : ' or OWE'}: choose WPA3 or WPA2/WPA3 (which uses WPA3 there)` };
      }
    }
    if (KEYED.includes(security) && change.key === undefined && !net.key) return { ok: false, field: 'key', message: `a password is needed for ${net.ssid}` };
    targets.push({ net, security });
  }
  const commands = targets.flatMap(({ net, security }): UciCommand[] => {
    const at = (option: string) => `wireless.${net.id}.${option}`;
    // An unchanged security keeps the ciphers written after its '+'.
    const encryption = security === net.security ? net.encryption || security : security;
    const key = KEYED.includes(security) ? (change.key ?? net.key) : null;
    const out: UciCommand[] = [
      { op: 'set', path: at('ssid'), value: change.ssid },
      { op: 'set', path: at('encryption'), value: encryption },
    ];
    // uci refuses to delete an option that is not there.
    if (key !== null) out.push({ op: 'set', path: at('key'), value: key });
    else if (net.key !== '') out.push({ op: 'delete', path: at('key') });
    if (change.maxClients != null) out.push({ op: 'set', path: at('maxassoc'), value: String(change.maxClients) });
    else if (change.maxClients === null && net.maxClients !== null) out.push({ op: 'delete', path: at('maxassoc') });
    return out;
  });
  return { ok: true, commands, targets: targets.map((t) => ({ id: t.net.id, security: t.security })) };
}
