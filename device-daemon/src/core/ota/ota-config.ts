// The update channel's settings, from `config ota 'ota'` in
// /etc/config/modem-admin: where to poll, how often, the ISP's root keys, and
// the maintenance window. Read at each poll, so a `uci set` takes effect
// without a restart. A bad value is reported and the channel left idle.
import * as v from 'valibot';
import type { UciPackage } from '../device-data.ts';
import { isTimeZone } from '../zoned-time.ts';
import { parseWindow } from './install-window.ts';
import { parsePublicKey } from './usign.ts';

const list = (item: v.GenericSchema<string, string>) =>
  v.pipe(
    v.union([v.string(), v.array(v.string())]),
    v.transform((x) => (Array.isArray(x) ? x : [x])),
    v.array(item),
  );

const OtaSection = v.looseObject({
  url: v.optional(v.pipe(v.string(), v.regex(/^https?:\/\/[^\s]+[^/\s]$/, 'must be an http(s) URL of the channel directory, without a trailing /'))),
  poll_hours: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'must be whole hours'), v.transform(Number), v.minValue(1), v.maxValue(168)), '6'),
  root_key: v.optional(list(v.pipe(v.string(), v.check((s) => parsePublicKey(s) !== null, 'must be a usign public key (the base64 line)'))), []),
  window: v.optional(v.pipe(v.string(), v.check((s) => parseWindow(s) !== null, 'must be HH:00-HH:00 such as 01:00-06:00')), '01:00-06:00'),
  timezone: v.optional(v.pipe(v.string(), v.check(isTimeZone, 'must be an IANA time zone'))),
  /** Where downloads go: flash (kept across reboots, worn by writes) or RAM. */
  download_dir: v.optional(v.pipe(v.string(), v.regex(/^\/[^\s]*$/, 'must be an absolute path'))),
});

export type OtaConfig = { url: string | null; pollHours: number; rootKeys: string[]; window: { startHour: number; endHour: number }; timeZone: string | null; downloadDir: string | null };

export function readOtaConfig(pkg: UciPackage): { config: OtaConfig } | { error: string } {
  // A section named twice is one section in UCI: later options win.
  const options = Object.assign({}, ...pkg.sections.filter((s) => s.type === 'ota').map((s) => s.options)) as Record<string, string | string[]>;
  const known = Object.fromEntries(Object.entries(options).filter(([k]) => k in OtaSection.entries));
  const parsed = v.safeParse(OtaSection, known);
  if (!parsed.success) return { error: parsed.issues.map((i) => `ota.${i.path?.map((p) => String(p.key)).join('.') ?? ''}: ${i.message}`).join('; ') };
  const o = parsed.output;
  return {
    config: { url: o.url ?? null, pollHours: o.poll_hours, rootKeys: o.root_key, window: parseWindow(o.window)!, timeZone: o.timezone ?? null, downloadDir: o.download_dir ?? null },
  };
}
