// Reading the operator's balance reply. A template is the reply's text with
// named fields: {data} (amount and unit, "7.44 GB"), {money} (amount and
// currency, "50,04zl", "$15.00"), {date} (expiry; {date:mdy} month-first,
// {date:ymd}; day-first by default), {days} (validity in days); "..." skips
// any text. Only the part that names the fields need be written. Several
// {money} fields add up (sub-balances); the template's words pick which amount
// is meant when a reply holds more than one.
import { DATA, MONEY, parseData, parseMoney, anyCase } from './amount.ts';
import { DATE, DATE_ORDERS, parseReplyDate, type DateOrder } from './reply-date.ts';
import { numberedMenuLines } from './reply-menu.ts';
import type { SizeUnits } from './size.ts';

export type BalanceReading = {
  /** Data left, bytes: "GB"/"MB" in the plan's unit family, "GiB"/"MiB" powers of two. */
  dataBytes: number | null;
  money: { amount: number; currency: string } | null;
  /** Expiry as YYYY-MM-DD when the reply names a date. */
  expiry: string | null;
  days: number | null;
  /** 'fallback': a guess, only "<number> GB/MB" was found, which may be data used rather than left. */
  by: 'template' | 'fallback';
};

/** Templates shipped for operators whose replies we have seen (test/fixtures/modem/operator-texts). */
export const TEMPLATES: Record<string, string> = {
  // DIGI ES: "... Te quedan 7.44 GB, 94 min nacionales ..."
  digi: 'Te quedan {data}',
  // Play PL, prepaid: "Pozostalo Ci 50,04zl do wykorzystania do 2018-09-04 23:59:59."
  play: 'Pozostalo Ci {money} do wykorzystania do {date}',
  // Plus PL, prepaid: "Aktualny stan konta dla numeru ...: 1,23 PLN. Konto wazne do dnia 01-01-2022 ..."
  plus: 'stan konta...: {money}. Konto wazne do dnia {date}',
};

const FIELDS: Record<string, string> = { data: DATA, money: MONEY, date: DATE, days: '\\d{1,4}' };

type Field = { name: string; order: DateOrder };

function parts(template: string): { source: string; fields: Field[] } {
  const fields: Field[] = [];
  const source = (TEMPLATES[template] ?? template)
    .split(/(\{\w+(?::\w+)?\}|\.\.\.|\s+)/)
    .map((part) => {
      const field = /^\{(\w+)(?::(\w+))?\}$/.exec(part);
      if (field && field[1]! in FIELDS && (!field[2] || DATE_ORDERS.includes(field[2] as DateOrder))) {
        fields.push({ name: field[1]!, order: (field[2] as DateOrder | undefined) ?? 'dmy' });
        return `(${FIELDS[field[1]!]})`;
      }
      if (part === '...') return '[^]*?';
      return /^\s+$/.test(part) ? '\\s+' : anyCase(part);
    })
    .join('');
  return { source, fields };
}

/** The template (a shipped name or template text) as a regular expression. */
export function compileTemplate(template: string): RegExp {
  return new RegExp(parts(template).source, 'u');
}

/** The first data amount outside a numbered menu of offers: a guess. */
function fallback(text: string): string | null {
  const menu = numberedMenuLines(text);
  const lines = text.split('\n').map((line, i) => (menu.has(i) ? '' : line));
  return new RegExp(`(?<![\\p{L}\\p{N}.,])${DATA}(?![\\p{L}\\p{N}])`, 'u').exec(lines.join('\n'))?.[0] ?? null;
}

/**
 * Reads the reply with the template, else guesses the first "<number> GB/MB"; null when neither
 * reads. `units` is the plan's family, in which the operator's "GB" and "MB" are read.
 */
export function readBalance(text: string, template: string, units: SizeUnits): BalanceReading | null {
  const { source, fields } = parts(template);
  const match = new RegExp(source, 'u').exec(text);
  if (!match) {
    const guess = fallback(text);
    const dataBytes = guess === null ? null : parseData(guess, units);
    return dataBytes === null ? null : { dataBytes, money: null, expiry: null, days: null, by: 'fallback' };
  }
  const reading: BalanceReading = { dataBytes: null, money: null, expiry: null, days: null, by: 'template' };
  for (const [i, field] of fields.entries()) {
    const value = match[i + 1]!;
    if (field.name === 'data') reading.dataBytes = parseData(value, units);
    else if (field.name === 'days') reading.days = Number(value);
    else if (field.name === 'date') reading.expiry = parseReplyDate(value, field.order);
    else {
      const money = parseMoney(value);
      // Sub-balances in different currencies do not add up: the reply is not read.
      const sum = reading.money;
      if (!money || (sum && sum.currency !== money.currency)) return null;
      reading.money = { amount: Math.round(((sum?.amount ?? 0) + money.amount) * 100) / 100, currency: money.currency };
    }
  }
  return reading;
}
