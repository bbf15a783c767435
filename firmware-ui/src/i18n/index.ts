// The one i18n module: t() with {param} substitution and plurals, Intl formatting in the
// current language. English is bundled; other languages are chunks loaded on demand.
import { en, type Dict, type Key } from './en.ts';

export type { Key } from './en.ts';
export type Lang = 'en' | 'pl';

/** Language names are written in their own language, so they are not translated. */
export const languages: Record<Lang, string> = { en: 'English', pl: 'Polski' };

const loaders: Record<Lang, () => Promise<Dict>> = {
  en: async () => en,
  pl: () => import('./pl.ts').then((m) => m.pl),
};

let lang: Lang = 'en';
let dict: Dict = en;
/** For Intl: the browser's own variant of the language when it has one (en-GB writes "1 December"). */
let locale = 'en';

export const currentLang = (): Lang => lang;

/** The remembered choice, else the browser's preference, else English. */
export function preferredLang(): Lang {
  const saved = localStorage.getItem('lang');
  if (saved === 'en' || saved === 'pl') return saved;
  return navigator.languages.some((l) => l.startsWith('pl')) ? 'pl' : 'en';
}

/** Loads the language's strings, then makes it current. `remember` stores an explicit choice. */
export async function setLang(next: Lang, remember = false): Promise<void> {
  dict = await loaders[next]();
  lang = next;
  locale = navigator.languages.find((l) => l.startsWith(next)) ?? next;
  document.documentElement.lang = next;
  if (remember) localStorage.setItem('lang', next);
}

/** Whether a key computed at run time (e.g. from a notice code) has a message. */
export const hasKey = (key: string): key is Key => key in en;

export function t(key: Key, params: Record<string, string | number> = {}): string {
  const msg = dict[key];
  const text = typeof msg === 'string' ? msg : (msg[new Intl.PluralRules(locale).select(Number(params.n))] ?? msg.other);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

const units = ['B', 'KB', 'MB', 'GB', 'TB'];

/**
 * Bytes as "12.3 GB" / "12,3 GB". The plan's sizes are binary (a '20G' cap is 20 × 1024³
 * bytes), so we divide by powers of 1024 but keep the GB/MB labels that the plans use:
 * a 20G cap then reads "20 GB", as the customer's contract says.
 */
export function formatBytes(bytes: number): string {
  let i = 0;
  while (bytes >= 1024 && i < units.length - 1) {
    bytes /= 1024;
    i++;
  }
  const digits = i > 0 && bytes < 100 ? 1 : 0;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(bytes) + '\u00a0' + units[i];
}

/** A day in the browser's time zone, e.g. "1 December" / "1 grudnia". */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long' }).format(new Date(iso));
}
