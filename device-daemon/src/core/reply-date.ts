// Dates in operators' replies. The order of a numeric date is the template's
// to say (day-first by default; month-first for US operators); it is never
// guessed from the figures. A four-digit year first (ISO) and a month written
// as a name read the same under any order. A date that does not exist reads as none.

export type DateOrder = 'dmy' | 'mdy' | 'ymd';
export const DATE_ORDERS: DateOrder[] = ['dmy', 'mdy', 'ymd'];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(?:[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|[Mm]ar(?:ch)?|[Aa]pr(?:il)?|[Mm]ay|[Jj]une?|[Jj]uly?|[Aa]ug(?:ust)?|[Ss]ep(?:t(?:ember)?)?|[Oo]ct(?:ober)?|[Nn]ov(?:ember)?|[Dd]ec(?:ember)?)';

/** A date as replies write it: 01-01-2022, 23/11/2021, 2018-09-04, 13.06.2023, Aug 28 2021, 28 Aug 2021. */
export const DATE = `(?:\\d{1,4}[-./]\\d{1,2}[-./]\\d{2,4}(?!\\d)|${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\.?\\s+${MONTH}\\.?,?\\s+\\d{4})`;

const pad = (n: number) => String(n).padStart(2, '0');
const month = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

function iso(y: number, m: number, d: number): string | null {
  if (y < 100) y += 2000;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1]! ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** The date as YYYY-MM-DD, read in `order`; null when it is not a real date. */
export function parseReplyDate(text: string, order: DateOrder): string | null {
  const numeric = /^(\d{1,4})[-./](\d{1,2})[-./](\d{2,4})$/.exec(text);
  if (numeric) {
    const [a, b, c] = numeric.slice(1).map(Number) as [number, number, number];
    if (numeric[1]!.length === 4) return iso(a, b, c);
    if (order === 'ymd') return numeric[1]!.length === 2 ? iso(a, b, c) : null;
    if (numeric[3]!.length === 3) return null;
    return order === 'dmy' ? iso(c, b, a) : iso(c, a, b);
  }
  const named = /^(?:(\p{L}+)\.?\s+(\d{1,2})\D*?\s+(\d{4})|(\d{1,2})\.?\s+(\p{L}+)\.?,?\s+(\d{4}))$/u.exec(text);
  if (!named) return null;
  const [name, day, year] = named[1] ? [named[1], named[2]!, named[3]!] : [named[5]!, named[4]!, named[6]!];
  return iso(Number(year), month(name), Number(day));
}
