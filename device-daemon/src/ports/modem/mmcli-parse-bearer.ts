// `mmcli -J -b B` (or the same rebuilt from an old mmcli's human-readable output,
// mmcli-text-json.ts): the bearer's status, IP configuration and statistics.
// Keys as cli/mmcli-output.c names them; every value a string, "--" for none.
import * as v from 'valibot';
import { readWith, Unreadable } from '../../core/unreadable.ts';
import type { BearerIpConfig, BearerStatus } from '../types.ts';
import { list, obj, s, value } from './mmcli-parse.ts';

const ipConfig = obj({ method: s, address: s, prefix: s, gateway: s, dns: list, mtu: s });
const BearerJson = v.looseObject({
  bearer: v.looseObject({
    status: obj({ connected: s, interface: s }),
    properties: obj({ apn: s }),
    'ipv4-config': ipConfig,
    'ipv6-config': ipConfig,
    stats: obj({ duration: s, 'bytes-rx': s, 'bytes-tx': s }),
  }),
});

/** A count mmcli printed, or null ("--", "N/A", anything not a whole number). */
const count = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

// "unknown" is MM_BEARER_IP_METHOD_UNKNOWN: the family was not set up.
function family(c: v.InferOutput<typeof ipConfig>): BearerIpConfig | null {
  const method = value(c.method);
  if (method === null || method === 'unknown') return null;
  return { method, address: value(c.address), prefix: count(c.prefix), gateway: value(c.gateway), dns: c.dns.filter((d) => value(d) !== null), mtu: count(c.mtu) };
}

/** `mmcli -J -b B`: the bearer's status, or an Unreadable. */
export function parseBearer(json: unknown): BearerStatus | Unreadable {
  const out = readWith(BearerJson, json, 'mmcli -J -b');
  if (out instanceof Unreadable) return out;
  const b = out.bearer;
  return {
    connected: b.status.connected === 'yes',
    interface: value(b.status.interface),
    apn: value(b.properties.apn),
    ipv4: family(b['ipv4-config']),
    ipv6: family(b['ipv6-config']),
    stats: { durationSeconds: count(b.stats.duration), rxBytes: count(b.stats['bytes-rx']), txBytes: count(b.stats['bytes-tx']) },
  };
}

/** `mmcli -J -m M`: the paths of the modem's bearers (none: an empty list). */
export function parseBearerPaths(json: unknown): string[] | Unreadable {
  const out = readWith(v.looseObject({ modem: v.looseObject({ generic: obj({ bearers: list }) }) }), json, 'mmcli -J -m');
  return out instanceof Unreadable ? out : out.modem.generic.bearers.filter((p) => value(p) !== null && p !== '/');
}
