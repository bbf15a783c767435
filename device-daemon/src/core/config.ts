// The daemon's configuration, read from UCI (/etc/config/modem-admin) and checked
// once here, so that the rest of the code sees typed, valid values only.
import { readModemConfig, type ModemConfig } from './modem-config.ts';
import * as v from 'valibot';
import type { UciPackage, UciSection } from './device-data.ts';
import { parseSize, sizeUnits, type SizeUnits } from './size.ts';
import { isTimeZone } from './zoned-time.ts';

const text = v.string();
const bool = v.pipe(
  v.picklist(['0', '1', 'true', 'false', 'yes', 'no', 'on', 'off'], 'must be 0 or 1'),
  v.transform((s) => ['1', 'true', 'yes', 'on'].includes(s)),
);
const int = (min: number, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d+$/, 'must be a whole number'),
    v.transform(Number),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );
const size = v.pipe(
  v.string(),
  v.transform(parseSize),
  v.number('must be a size such as 512M or 20G'),
  v.minValue(1, 'must be more than zero'),
);
const list = <T extends v.GenericSchema<string, unknown>>(item: T) =>
  v.pipe(
    v.union([v.string(), v.array(v.string())]),
    v.transform((x) => (Array.isArray(x) ? x : [x])),
    v.array(item),
  );
/** host:port, IPv4 or [IPv6]. */
const listen = v.pipe(
  v.string(),
  v.regex(/^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:.]+\]|localhost):\d{1,5}$/, 'must be ADDRESS:PORT'),
);
const device = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.:@-]{1,15}$/, 'must be a network device name'));

const DaemonSection = v.looseObject({
  listen: v.optional(list(listen), ['192.168.1.1:80']),
  allow_any_address: v.optional(bool, '0'),
  hostname: v.optional(list(v.pipe(text, v.regex(/^[A-Za-z0-9.-]{1,253}$/, 'must be a host name'))), []),
  wan_device: v.optional(device, 'wwan0'),
  lan_device: v.optional(device, 'br-lan'),
  installer_password_hash: v.optional(text),
  poll_ms: v.optional(int(200, 60_000), '1000'),
  flush_minutes: v.optional(int(1, 1440), '30'),
  max_link_mbit: v.optional(int(1, 100_000), '1000'),
});

const PlanSection = v.looseObject({
  cycle: v.optional(v.picklist(['monthly', 'calendar', 'prepaid', 'days'], 'must be monthly, calendar, prepaid or days'), 'monthly'),
  cycle_day: v.optional(v.union([v.literal('last'), int(1, 31)], 'must be 1 to 31 or last'), '1'),
  cycle_days: v.optional(int(1, 366), '30'),
  /** calendar: a first period of this many days from cycle_anchor, then the rest of that month prorated (0: none). */
  cycle_first_days: v.optional(int(0, 366), '0'),
  cycle_anchor: v.optional(v.pipe(text, v.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD'))),
  timezone: v.optional(v.pipe(text, v.check(isTimeZone, 'must be an IANA time zone such as Europe/Warsaw')), 'UTC'),
  cap: v.optional(v.union([v.literal('none'), size], 'must be a size such as 20G, or none')),
  policy: v.optional(v.picklist(['throttle', 'block', 'alert'], 'must be throttle, block or alert'), 'throttle'),
  throttle_down_kbit: v.optional(int(8, 1_000_000), '64'),
  throttle_up_kbit: v.optional(int(8, 1_000_000), '64'),
  alert_percent: v.optional(list(int(1, 1000)), ['50', '80', '90', '100']),
  topup_size: v.optional(list(size), ['512M', '1024M']),
});

export type DaemonConfig = v.InferOutput<typeof DaemonSection>;
export type PlanConfig = v.InferOutput<typeof PlanSection> & {
  /** The unit family the plan's sizes were written in: how the UI and API show sizes. */
  units: SizeUnits;
};
/** `modem`: the operator's codes (core/modem-config.ts), read with the rest. */
export type Config = { daemon: DaemonConfig; plan: PlanConfig; modem: ModemConfig };

/** Every problem found, with where (`section.option`) and the message alone. */
export class ConfigError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`invalid configuration:\n  ${issues.map((i) => `${i.path}: ${i.message}`).join('\n  ')}`);
  }
}

function section(pkg: UciPackage, type: string, name: string): UciSection['options'] {
  return pkg.sections.find((s) => s.type === type && s.name === name)?.options ?? {};
}

function check<T extends v.GenericSchema>(schema: T, options: unknown, where: string): v.InferOutput<T> {
  const result = v.safeParse(schema, options);
  if (result.success) return result.output;
  throw new ConfigError(
    result.issues.map((issue) => ({
      path: `${where}.${issue.path?.map((p) => String(p.key)).join('.') ?? ''}`,
      message: `${issue.message} (got ${JSON.stringify(issue.input)})`,
    })),
  );
}

/**
 * Reads and checks the `daemon 'main'` and `plan 'plan'` sections (throws
 * ConfigError with every problem), and the operator's codes (balance, ussd,
 * topup sections; a code that fails its check is left out).
 */
export function readConfig(pkg: UciPackage): Config {
  return {
    daemon: check(DaemonSection, section(pkg, 'daemon', 'main'), 'main'),
    plan: { ...check(PlanSection, section(pkg, 'plan', 'plan'), 'plan'), units: planUnits(section(pkg, 'plan', 'plan')) },
    modem: readModemConfig(pkg),
  };
}

/** The family of the cap as written, else of the first top-up size; binary (as "20G") without either. */
function planUnits(options: UciSection['options']): SizeUnits {
  const written = [options.cap, options.topup_size].flat().filter((x): x is string => typeof x === 'string');
  for (const text of written) {
    const units = sizeUnits(text);
    if (units) return units;
  }
  return 'GiB';
}
