// The one i18n module: t() with {param} substitution and plurals, Intl formatting in the
// current language. The entry bundles only the English strings every page needs; a page's
// chunk adds its own with strings(). Other languages are one chunk loaded on demand.
import { en as core } from './en.ts';
import type { Dict, Key } from './keys.ts';
import type { Plural } from './types.ts';

export type { Key } from './keys.ts';
export type Lang = 'en' | 'pl';

/** Language names are written in their own language, so they are not translated. */
export const languages: Record<Lang, string> = { en: 'English', pl: 'Polski' };

const en: Partial<Dict> = { ...core };

let lang: Lang = 'en';
let dict: Partial<Dict> = en;
/** For Intl: the browser's own variant of the language when it has one (en-GB writes "1 December"). */
let locale = 'en';

export const currentLang = (): Lang => lang;

/** A page's English strings; its module calls this when its chunk loads. */
export function strings(part: Partial<Dict>): void {
  Object.assign(en, part);
}

/** The remembered choice, else the browser's preference, else English. */
export function preferredLang(): Lang {
  const saved = localStorage.getItem('lang');
  if (saved === 'en' || saved === 'pl') return saved;
  return navigator.languages.some((l) => l.startsWith('pl')) ? 'pl' : 'en';
}

/** Loads the language's strings, then makes it current. `remember` stores an explicit choice. */
export async function setLang(next: Lang, remember = false): Promise<void> {
  dict = next === 'pl' ? (await import('./pl.ts')).pl : en;
  lang = next;
  locale = navigator.languages.find((l) => l.startsWith(next)) ?? next;
  document.documentElement.lang = next;
  if (remember) localStorage.setItem('lang', next);
}

/** Whether a key computed at run time (e.g. from a notice code) has a message. */
export const hasKey = (key: string): key is Key => key in dict;

export function t(key: Key, params: Record<string, string | number> = {}): string {
  const msg: string | Plural = dict[key] ?? key;
  const text = typeof msg === 'string' ? msg : (msg[new Intl.PluralRules(locale).select(Number(params.n))] ?? msg.other);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

const units = ['B', 'KB', 'MB', 'GB', 'TB'];
const families = { GB: { base: 1000, units: ['B', 'kB', 'MB', 'GB', 'TB'] }, GiB: { base: 1024, units: ['B', 'KiB', 'MiB', 'GiB', 'TiB'] } };

/**
 * Bytes as "12.3 GB" / "12,3 GB". Given the plan's unit family, in it: powers of ten
 * for "GB", of two for "GiB", so the figures read as the contract is written. Without
 * one, powers of 1024 under the GB/MB labels that binary plans ("20G") have always shown.
 */
export function formatBytes(bytes: number, family?: 'GB' | 'GiB'): string {
  const { base, units: labels } = family ? families[family] : { base: 1024, units };
  let i = 0;
  while (bytes >= base && i < labels.length - 1) {
    bytes /= base;
    i++;
  }
  const digits = i > 0 && bytes < 100 ? 1 : 0;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(bytes) + '\u00a0' + labels[i];
}

/**
 * An instant in the plan's time zone (never the browser's), by default as a day: "1 December".
 * A plain day ("2025-12-01", already local to the plan) is given with timeZone 'UTC'.
 */
export function formatDate(iso: string, timeZone: string, options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long' }): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(new Date(iso));
}

/** "512 MB or 1 GB" / "512 MB lub 1 GB". */
export const formatOr = (items: string[]): string => new Intl.ListFormat(locale, { type: 'disjunction' }).format(items);
