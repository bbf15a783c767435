// The object `mmcli -J` would have printed, rebuilt from the human-readable
// output of a ModemManager too old for --output-json (before 1.12), so the
// JSON parsers read both. Only the fields the daemon reads are mapped: each
// human label (section / field, as cli/mmcli-modem.c and mmcli-bearer.c print
// them before 1.10, and as cli/mmcli-output.c names them from 1.10) to the
// JSON key mmcli-output.c gives the same field. Never throws.
import { readMmcliText } from '../../core/mmcli-text.ts';
import { Unreadable } from '../../core/unreadable.ts';

/** "section/field" (lower case) → JSON path; a trailing [] marks a list ("a, b" splits). */
type Labels = Record<string, string>;

const MODEM: Labels = {
  'status/state': 'modem.generic.state',
  'status/failed reason': 'modem.generic.state-failed-reason',
  'status/access tech': 'modem.generic.access-technologies[]',
  'status/lock': 'modem.generic.unlock-required',
  'status/unlock retries': 'modem.generic.unlock-retries[]',
  'hardware/manufacturer': 'modem.generic.manufacturer',
  'hardware/model': 'modem.generic.model',
  'hardware/revision': 'modem.generic.revision',
  'hardware/firmware revision': 'modem.generic.revision',
  'hardware/equipment id': 'modem.generic.equipment-identifier',
  'bands/supported': 'modem.generic.supported-bands[]',
  'bands/current': 'modem.generic.current-bands[]',
  'numbers/own': 'modem.generic.own-numbers[]',
  'sim/path': 'modem.generic.sim',
  'sim/dbus path': 'modem.generic.sim',
  'bearers/paths': 'modem.generic.bearers[]',
  'bearer/dbus path': 'modem.generic.bearers[]',
  '3gpp/operator name': 'modem.3gpp.operator-name',
  '3gpp/operator id': 'modem.3gpp.operator-code',
  '3gpp/registration': 'modem.3gpp.registration-state',
  '3gpp/imei': 'modem.3gpp.imei',
};

const ip = (section: string, key: string): Labels =>
  Object.fromEntries(
    ['method', 'address', 'prefix', 'gateway', 'dns[]', 'mtu'].map((f) => [`${section}/${f.replace('[]', '')}`, `bearer.${key}.${f}`]),
  );
const BEARER: Labels = {
  'status/connected': 'bearer.status.connected',
  'status/suspended': 'bearer.status.suspended',
  'status/interface': 'bearer.status.interface',
  'status/ip timeout': 'bearer.status.ip-timeout',
  'properties/apn': 'bearer.properties.apn',
  ...ip('ipv4 configuration', 'ipv4-config'),
  ...ip('ipv6 configuration', 'ipv6-config'),
  // "Stats" with long names before 1.10, "Statistics" with short ones after.
  'stats/duration': 'bearer.stats.duration',
  'stats/bytes received': 'bearer.stats.bytes-rx',
  'stats/bytes transmitted': 'bearer.stats.bytes-tx',
  'statistics/duration': 'bearer.stats.duration',
  'statistics/bytes rx': 'bearer.stats.bytes-rx',
  'statistics/bytes tx': 'bearer.stats.bytes-tx',
};

// Before 1.10 a value mmcli had none for printed as 'none', 'unknown' (VALIDATE_UNKNOWN) or 'n/a'
// (the capture has 'N/A'); -J prints "--". A state or method 'unknown' reads the same as none.
const absent = (v: string) => (/^(none|n\/a|unknown)$/i.test(v.trim()) ? '--' : v);

/** Puts `value` at the dotted `path` of `into`. */
function put(into: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let at = into;
  for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
  at[keys.at(-1)!] = value;
}

function rebuild(text: string, labels: Labels): Record<string, unknown> | Unreadable {
  const read = readMmcliText(text);
  if (read instanceof Unreadable) return read;
  const out: Record<string, unknown> = {};
  for (const [section, fields] of Object.entries(read.sections)) {
    for (const [field, values] of Object.entries(fields)) {
      const path = labels[`${section.toLowerCase()}/${field.toLowerCase()}`];
      if (!path) continue;
      const kept = values.map(absent);
      if (path.endsWith('[]')) put(out, path.slice(0, -2), kept.flatMap((v) => v.split(/,\s*/)).filter((v) => v !== '--' && v !== ''));
      else put(out, path, kept.join('\n') || '--');
    }
  }
  return out;
}

/** `mmcli -L` (human): the modem paths, as `-J -L` lists them. */
function modemList(text: string): Record<string, unknown> | Unreadable {
  if (/^\s*No modems were found\s*$/m.test(text)) return { 'modem-list': [] };
  const paths = [...text.matchAll(/^\s*(\/org\/freedesktop\/ModemManager1\/Modem\/\d+)\b/gm)].map((m) => m[1]!);
  return paths.length ? { 'modem-list': paths } : new Unreadable('mmcli -L (human-readable)', 'no modem paths and no "No modems were found"');
}

/**
 * What `mmcli -J <args>` would print, from the human-readable output of `mmcli <args>`:
 * the list of modems (-L), a modem (-m M alone) and a bearer (-b B). Other outputs
 * and unreadable ones come back as an Unreadable.
 */
export function humanAsJson(args: string[], text: string): Record<string, unknown> | Unreadable {
  if (typeof text !== 'string') return new Unreadable('mmcli (human-readable)', 'not text');
  if (args.includes('-L')) return modemList(text);
  if (args.includes('-b')) return rebuild(text, BEARER);
  if (args.length === 2 && args[0] === '-m') return rebuild(text, MODEM);
  return new Unreadable(`mmcli ${args.filter((a) => a.startsWith('-')).join(' ')}`, 'this ModemManager has no --output-json, and its human-readable output of this command is not read');
}
