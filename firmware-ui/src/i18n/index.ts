// The one i18n module: t() with {param} substitution and plurals, Intl formatting in the
// current language. Strings come in parts: the entry's own (en/app.ts) and one per page,
// each registered with strings() by the module that uses it. Every part in every language is
// a chunk of its own, loaded only for the language shown: a Polish phone loads no English.
import type { Key } from './keys.ts';
import type { Part, Plural } from './types.ts';

export type { Key } from './keys.ts';
export type Lang = 'en' | 'pl';

/** Language names are written in their own language, so they are not translated. */
export const languages: Record<Lang, string> = { en: 'English', pl: 'Polski' };

/** A part's loader in each language. */
export type Parts = { [L in Lang]: () => Promise<{ [K in L]: Part }> };

const dicts: Record<Lang, Part> = { en: {}, pl: {} };
/** Each part's load in each language, at most once. */
const loads = new Map<() => Promise<unknown>, Promise<void>>();
const registered: Parts[] = [];

/** The remembered choice, else the browser's preference, else English. */
export function preferredLang(): Lang {
  const saved = localStorage.getItem('lang');
  if (saved === 'en' || saved === 'pl') return saved;
  return navigator.languages.some((l) => l.startsWith('pl')) ? 'pl' : 'en';
}

let lang: Lang = preferredLang();
/** For Intl: the browser's own variant of the language when it has one (en-GB writes "1 December"). */
let locale: string = lang;

export const currentLang = (): Lang => lang;

function load(parts: Parts, into: Lang): Promise<void> {
  const loader = parts[into] as () => Promise<Record<Lang, Part>>;
  let loading = loads.get(loader);
  if (!loading) {
    loading = loader().then((m) => void Object.assign(dicts[into], m[into]));
    // A failed load (the modem went away) is tried again next time.
    loading.catch(() => loads.delete(loader));
    loads.set(loader, loading);
  }
  return loading;
}

/** A part's loaders; a module calls this when its chunk loads, and lazy pages wait for ready(). */
export function strings(parts: Parts): void {
  registered.push(parts);
  load(parts, lang).catch(() => {});
}

/**
 * A part loaded only when first needed (the words for errors, which most visits never show):
 * the returned function loads it in the current language, and keeps it for later switches.
 */
export function onDemand(parts: Parts): () => Promise<void> {
  return () => {
    if (!registered.includes(parts)) registered.push(parts);
    return load(parts, lang);
  };
}

/** Resolves once every registered part has its strings in the current language. */
export const ready = (to: Lang = lang): Promise<void> => Promise.all(registered.map((p) => load(p, to))).then(() => {});

strings({ en: () => import('./en/app.ts'), pl: () => import('./pl/app.ts') });

/** Loads the language's strings for every part so far, then makes it current. `remember` stores an explicit choice. */
export async function setLang(next: Lang, remember = false): Promise<void> {
  // A page's chunk that arrives meanwhile registers its part in the old language: load it too.
  for (let parts = -1; parts != registered.length; ) {
    parts = registered.length;
    await ready(next);
  }
  lang = next;
  locale = navigator.languages.find((l) => l.startsWith(next)) ?? next;
  document.documentElement.lang = next;
  if (remember) localStorage.setItem('lang', next);
}

/** Whether a key computed at run time (e.g. from a notice code) has a message. */
export const hasKey = (key: string): key is Key => key in dicts[lang];

export function t(key: Key, params: Record<string, string | number> = {}): string {
  const msg: string | Plural = dicts[lang][key] ?? key;
  const text = typeof msg === 'string' ? msg : (msg[new Intl.PluralRules(locale).select(Number(params.n))] ?? msg.other);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

const families = { GB: { base: 1000, units: ['B', 'kB', 'MB', 'GB', 'TB'] }, GiB: { base: 1024, units: ['B', 'KiB', 'MiB', 'GiB', 'TiB'] } };
export type SizeFamily = keyof typeof families;
/** Binary until the status says otherwise, as a plan written "20G" is. */
let family: SizeFamily = 'GiB';

/** The plan's unit family, which every size on every page is shown in (set from each status). */
export const setSizeFamily = (next: SizeFamily): void => void (family = next);

/**
 * Bytes as "12.3 GB" / "12,3 GB", in the plan's unit family: powers of ten for "GB", of two
 * for "GiB" (labelled GiB, MiB), so the figures read as the contract is written. From 1000
 * of a unit the next one is used ("1 GB", not "1,022 MB"), so a figure never needs more than
 * four digits.
 */
export function formatBytes(bytes: number, units: SizeFamily = family): string {
  const { base, units: labels } = families[units];
  let i = 0;
  while (bytes >= 1000 && i < labels.length - 1) {
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
export function formatDate(iso: string | number, timeZone: string, options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long' }): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(new Date(iso));
}

/** A reading such as -12.2 as "-12.2" / "-12,2". */
export const formatNumber = (n: number, digits = 1): string => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);

/** "512 MB or 1 GB" / "512 MB lub 1 GB". */
export const formatOr = (items: string[]): string => new Intl.ListFormat(locale, { type: 'disjunction' }).format(items);
