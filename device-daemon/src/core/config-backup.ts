// The configuration backup: our UCI package as a file the installer downloads,
// and its restore, checked as a whole before anything is written. A restore that
// fails any check is refused with every problem named; one that passes replaces
// the package in one batch. The installer credential never leaves the device and
// is never replaced by a restore.
import * as v from 'valibot';
import { ConfigError, readConfig } from './config.ts';
import type { UciCommand, UciPackage } from './device-data.ts';
import { USSD_CODE, PHONE } from './modem-config.ts';
import { parseSize } from './size.ts';
import { parseUciText, renderUciText, UciSyntaxError } from './uci-text.ts';

export const BACKUP_FORMAT = 'modem-admin-backup';
const SECRET_OPTIONS = ['installer_password_hash'];
/** The section types the package knows; anything else in a restore is a mistake. */
const KNOWN_TYPES = ['daemon', 'plan', 'balance', 'ussd', 'topup', 'apn', 'commissioning', 'connectivity', 'ota'];

export const BackupDocument = v.object({
  format: v.literal(BACKUP_FORMAT, `format: must be "${BACKUP_FORMAT}"`),
  version: v.literal(1, 'version: must be 1'),
  created: v.string('created: must be a time'),
  device: v.object({ model: v.nullable(v.string()), packageVersion: v.nullable(v.string()) }),
  config: v.pipe(v.string('config: must be the UCI text'), v.maxLength(49_152, "config: at most 48 KiB")),
});
export type BackupDocument = v.InferOutput<typeof BackupDocument>;

/** The backup of `pkg` (secrets left out). */
export function makeBackup(pkg: UciPackage, at: string, device: BackupDocument['device']): BackupDocument {
  const sections = pkg.sections.map((s) => ({ ...s, options: Object.fromEntries(Object.entries(s.options).filter(([k]) => !SECRET_OPTIONS.includes(k))) }));
  return { format: BACKUP_FORMAT, version: 1, created: at, device, config: renderUciText({ ...pkg, sections }) };
}

export type Problem = { path: string; message: string };

/** Every problem of a restore, or the package it would write. */
export function checkBackup(input: unknown, pkgName: string): { problems: Problem[]; pkg: UciPackage | null } {
  const doc = v.safeParse(BackupDocument, input);
  if (!doc.success) return { problems: doc.issues.map((i) => ({ path: i.path?.map((p) => String(p.key)).join('.') ?? '', message: i.message })), pkg: null };
  let pkg: UciPackage;
  try {
    pkg = parseUciText(pkgName, doc.output.config);
  } catch (error) {
    if (!(error instanceof UciSyntaxError)) throw error;
    return { problems: [{ path: `config line ${error.line}`, message: error.message }], pkg: null };
  }
  const problems: Problem[] = [];
  for (const s of pkg.sections) {
    const where = s.anonymous ? s.name : `${s.name}`;
    if (!KNOWN_TYPES.includes(s.type)) problems.push({ path: where, message: `unknown section type "${s.type}"` });
    for (const key of SECRET_OPTIONS) if (key in s.options) problems.push({ path: `${where}.${key}`, message: 'is never restored from a file' });
    if (s.type === 'ussd') {
      for (const [key, code] of Object.entries(s.options)) if (typeof code !== 'string' || !USSD_CODE.test(code)) problems.push({ path: `${where}.${key}`, message: `not a USSD code (got ${JSON.stringify(code)})` });
    }
    if (s.type === 'topup' && !parseSize(String(s.options.size ?? ''))) problems.push({ path: `${where}.size`, message: `must be a size such as 512M (got ${JSON.stringify(s.options.size ?? null)})` });
    if (s.type === 'balance' && s.options.ussd_code !== undefined && !USSD_CODE.test(String(s.options.ussd_code))) problems.push({ path: `${where}.ussd_code`, message: 'not a USSD code' });
    if (s.options.sms_number !== undefined && !PHONE.test(String(s.options.sms_number))) problems.push({ path: `${where}.sms_number`, message: 'not a phone number' });
  }
  if (!pkg.sections.some((s) => s.type === 'daemon' && s.name === 'main')) problems.push({ path: 'main', message: "the file has no `config daemon 'main'`" });
  try {
    readConfig(pkg);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.issues);
  }
  return { problems, pkg: problems.length ? null : pkg };
}

/**
 * The batch that turns `current` into `next`: every section removed (anonymous
 * ones from the last, so the indexes hold), then `next`'s written, anonymous ones
 * under names of their own (type_1, type_2...). The installer credential stays.
 */
export function restoreCommands(current: UciPackage, next: UciPackage): UciCommand[] {
  const p = current.name;
  const commands: UciCommand[] = [...current.sections].reverse().map((s) => ({ op: 'delete', path: `${p}.${s.name}` }));
  const counts = new Map<string, number>();
  for (const s of next.sections) {
    const n = (counts.get(s.type) ?? 0) + 1;
    counts.set(s.type, n);
    const name = s.anonymous ? `${s.type.replace(/-/g, '_')}_${n}` : s.name;
    commands.push({ op: 'set', path: `${p}.${name}`, value: s.type });
    const options = { ...s.options };
    if (s.type === 'daemon' && s.name === 'main') {
      const kept = current.sections.find((c) => c.name === 'main')?.options;
      for (const key of SECRET_OPTIONS) if (kept?.[key] !== undefined) options[key] = kept[key]!;
    }
    for (const [key, value] of Object.entries(options)) {
      if (Array.isArray(value)) for (const item of value) commands.push({ op: 'add_list', path: `${p}.${name}.${key}`, value: item });
      else commands.push({ op: 'set', path: `${p}.${name}.${key}`, value });
    }
  }
  return commands;
}
