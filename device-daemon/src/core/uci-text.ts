// The UCI configuration file format (/etc/config/<package>), as libuci reads it:
//   config <type> ['<name>']
//       option <key> '<value>'
//       list <key> '<value>'
// Values may be bare words, 'single' or "double" quoted (with \ escapes in
// double quotes and outside quotes), or several quoted pieces run together, as
// the shell-like tokenizer of libuci allows ('it'\''s').
import type { UciPackage, UciSection } from './device-data.ts';
import { Unreadable } from './unreadable.ts';

export class UciSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export function tokenize(text: string, lineNo: number): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#') break;
    let token = '';
    while (i < text.length && text[i] !== ' ' && text[i] !== '\t') {
      const ch = text[i]!;
      if (ch === "'") {
        const end = text.indexOf("'", i + 1);
        if (end < 0) throw new UciSyntaxError(lineNo, 'unterminated quote');
        token += text.slice(i + 1, end);
        i = end + 1;
      } else if (ch === '"') {
        i++;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < text.length) i++;
          token += text[i];
          i++;
        }
        if (i >= text.length) throw new UciSyntaxError(lineNo, 'unterminated quote');
        i++;
      } else if (ch === '\\' && i + 1 < text.length) {
        token += text[i + 1];
        i += 2;
      } else {
        token += ch;
        i++;
      }
    }
    tokens.push(token);
  }
  return tokens;
}

// As libuci validates them: section types may hold '-', names and options may not.
const TYPE = /^[A-Za-z0-9_-]+$/;
const NAME = /^[A-Za-z0-9_]+$/;

/** Parses a UCI config file (or `uci export` output). Anonymous sections are named @type[index]. */
export function parseUciText(pkg: string, text: string): UciPackage {
  const sections: UciSection[] = [];
  let current: UciSection | null = null;
  text.split('\n').forEach((raw, index) => {
    const lineNo = index + 1;
    const tokens = tokenize(raw, lineNo);
    if (tokens.length === 0) return;
    const [keyword, a, b] = tokens;
    if (keyword === 'package') return;
    if (keyword === 'config') {
      if (!a || !TYPE.test(a)) throw new UciSyntaxError(lineNo, 'section type expected');
      if (b !== undefined && !NAME.test(b)) throw new UciSyntaxError(lineNo, `invalid section name "${b}"`);
      const anonymous = b === undefined;
      // Anonymous sections are named as uci's extended syntax addresses them: @type[index].
      const name = b ?? `@${a}[${sections.filter((s) => s.type === a).length}]`;
      current = { type: a, name, anonymous, options: {} };
      sections.push(current);
      return;
    }
    if (keyword !== 'option' && keyword !== 'list') throw new UciSyntaxError(lineNo, `unknown keyword "${keyword}"`);
    if (!current) throw new UciSyntaxError(lineNo, `${keyword} outside a section`);
    if (!a || !NAME.test(a)) throw new UciSyntaxError(lineNo, 'option name expected');
    if (b === undefined) throw new UciSyntaxError(lineNo, `value expected for ${a}`);
    const options: Record<string, string | string[]> = (current as UciSection).options;
    if (keyword === 'option') options[a] = b;
    else {
      const prev = options[a];
      options[a] = Array.isArray(prev) ? [...prev, b] : [b];
    }
  });
  return { name: pkg, sections };
}

/** parseUciText for text from outside (a file, `uci export`): a syntax error comes back as an Unreadable. */
export function readUciText(pkg: string, text: string): UciPackage | Unreadable {
  try {
    return parseUciText(pkg, text);
  } catch (error) {
    if (error instanceof UciSyntaxError) return new Unreadable(`/etc/config/${pkg}`, error.message);
    throw error;
  }
}

/** Quotes a value the way `uci export` does: single quotes, with ' written as '\''. */
export function quoteUci(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Renders a package back to config file text (what the simulator keeps on disk). */
export function renderUciText(pkg: UciPackage): string {
  const out: string[] = [];
  for (const section of pkg.sections) {
    out.push(section.anonymous ? `config ${section.type}` : `config ${section.type} ${quoteUci(section.name)}`);
    for (const [key, value] of Object.entries(section.options)) {
      if (Array.isArray(value)) for (const item of value) out.push(`\tlist ${key} ${quoteUci(item)}`);
      else out.push(`\toption ${key} ${quoteUci(value)}`);
    }
    out.push('');
  }
  return out.join('\n');
}
