// Figures as operators write them: a decimal point or comma, thousands grouped
// by dots, commas, spaces or apostrophes, and a currency written before the
// amount ($15.00, £6.45, R49.96, Rp 1234, CHF 5) or after it (50,04 zł, 12 PLN).
// A currency is a known symbol, an ISO 4217 code in capitals, or one of a few
// local words: never any word, so "20202 to" is not money.
import type { SizeUnits } from './size.ts';

/** An amount with grouped thousands ("1 234,56", "1.234.567") or a plain one ("2,42", "43240"). */
export const AMOUNT = "(?:[1-9]\\d{0,2}(?:[.,\\u00a0\\u202f '’]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)";
/** A data size: one separator is always decimal ("1,5 GB"). */
export const DATA = '(?:\\d+(?:[.,]\\d+)?\\s*[KMGTkmgt]i?[Bb](?:s)?)';

const ISO = Intl.supportedValuesOf('currency');
const SYMBOLS = ['R$', '$', '£', '€', '¥', '₹', '₽', '₴', '₺', '₦', '₩', '₱', '₫', '₪', '₸', '₼', '₾'];
/** Local words, matched in any case. */
const WORDS_AFTER = ['zł', 'zl', 'euro', 'euros', 'kr', 'kn', 'kč', 'ft', 'lei', 'hrn', 'грн', 'руб', 'р.', 'р', 'r.', 'dh', 'cfa', 'ksh'];
const WORDS_BEFORE = ['euro', 'rp', 'rs', 'ksh', 'r'];

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A literal matched in any case, without the regular expression's i flag (which would let "all" pass as ALL). */
export const anyCase = (s: string) =>
  [...s].map((c) => (c.toLowerCase() === c.toUpperCase() ? esc(c) : `[${esc(c.toLowerCase())}${esc(c.toUpperCase())}]`)).join('');
const alternatives = (parts: string[]) => parts.sort((a, b) => b.length - a.length).join('|');

const before = alternatives([...SYMBOLS.map(esc), ...ISO, ...WORDS_BEFORE.map(anyCase)]);
const after = alternatives([...SYMBOLS.map(esc), ...ISO, ...WORDS_AFTER.map(anyCase)]);

/** Money with its currency on either side; no letter or digit may touch either end. */
export const MONEY = `(?:(?<![\\p{L}\\p{N}])(?:${before})\\.?\\s?${AMOUNT}(?![\\p{N}])|(?<![\\p{L}\\p{N}.,])${AMOUNT}\\s?(?:${after})(?![\\p{L}]))`;

const MONEY_PARTS = new RegExp(`^(?:(${before})\\.?\\s?(${AMOUNT})|(${AMOUNT})\\s?(${after}))$`, 'u');

/** The number an operator wrote: grouped thousands dropped, the decimal comma read as a point. */
export function parseAmount(text: string): number {
  const grouped = /^[1-9]\d{0,2}([.,\u00a0\u202f '’])\d{3}(?:\1\d{3})*(?:([.,])(\d{1,2}))?$/.exec(text);
  if (grouped && grouped[1] !== grouped[2]) return Number(text.replace(/[.,\u00a0\u202f '’]\d{3}/g, (g) => g.slice(1)).replace(',', '.'));
  return Number(text.replace(',', '.'));
}

/** "$15.00", "50,04 zł", "CHF 5": amount and currency as written; null when it is not money. */
export function parseMoney(text: string): { amount: number; currency: string } | null {
  const m = MONEY_PARTS.exec(text.trim());
  if (!m) return null;
  const amount = parseAmount(m[2] ?? m[3]!);
  return Number.isFinite(amount) ? { amount, currency: m[1] ?? m[4]! } : null;
}

const POWERS: Record<string, number> = { k: 1, m: 2, g: 3, t: 4 };

/**
 * "7.44 GB", "11.17 GBs", "2821 MB", "1.5 GiB": bytes. "GiB"/"MiB" are powers of two;
 * "GB"/"MB" are read in the plan's unit family, because that family is how the plan
 * says the operator meters: one that sells "1024 MB" top-ups writes "GB" for 2^30 bytes.
 */
export function parseData(text: string, units: SizeUnits): number | null {
  const m = /^(\d+(?:[.,]\d+)?)\s*([KMGTkmgt])(i?)/.exec(text);
  if (!m) return null;
  const base = m[3] || units === 'GiB' ? 1024 : 1000;
  const bytes = Math.round(Number(m[1]!.replace(',', '.')) * base ** POWERS[m[2]!.toLowerCase()]!);
  return Number.isFinite(bytes) ? bytes : null;
}
