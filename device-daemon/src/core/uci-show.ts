// `uci show PKG` (anonymous sections as @type[N]) and `uci -X show PKG` (as
// cfgXXXXXX) output, the other form UCI prints besides `uci export`:
//   pkg.section=type
//   pkg.section.option='value'
//   pkg.section.list='one' 'two'
// Values are quoted as uci prints them ('\'' for a quote); one holding a newline
// runs over several lines. A one-item list reads as an option: show prints both alike.
import type { UciPackage, UciSection } from './device-data.ts';
import { tokenize, UciSyntaxError } from './uci-text.ts';
import { Unreadable } from './unreadable.ts';

/** Parses `uci [-X] show PKG` output into the same shape as parseUciText. */
export function parseUciShow(pkg: string, text: string): UciPackage {
  const head = new RegExp(`^${pkg.replace(/\W/g, '\\$&')}\\.([A-Za-z0-9_@\\[\\]-]+?)(?:\\.([A-Za-z0-9_]+))?=`);
  const entries: [number, string][] = [];
  text.replace(/\n$/, '').split('\n').forEach((line, i) => {
    const last = entries.at(-1);
    if (head.test(line) || !last) entries.push([i + 1, line]);
    else last[1] += `\n${line}`;
  });
  const sections: UciSection[] = [];
  for (const [lineNo, entry] of entries) {
    if (entry === '') continue;
    const m = head.exec(entry);
    if (!m) throw new UciSyntaxError(lineNo, `expected ${pkg}.section=type or ${pkg}.section.option=value`);
    const [all, name, option] = m as unknown as [string, string, string | undefined];
    const rest = entry.slice(all.length);
    if (option === undefined) {
      if (!/^[A-Za-z0-9_-]+$/.test(rest)) throw new UciSyntaxError(lineNo, 'section type expected');
      sections.push({ type: rest, name, anonymous: /^@|^cfg[0-9a-f]{6}$/.test(name), options: {} });
      continue;
    }
    const section = sections.find((s) => s.name === name);
    if (!section) throw new UciSyntaxError(lineNo, `option of an unknown section "${name}"`);
    const values = tokenize(rest, lineNo);
    section.options[option] = values.length === 1 ? values[0]! : values;
  }
  return { name: pkg, sections };
}

/** parseUciShow for output from outside: a line it cannot read comes back as an Unreadable. */
export function readUciShow(pkg: string, text: string): UciPackage | Unreadable {
  try {
    return parseUciShow(pkg, text);
  } catch (error) {
    if (error instanceof UciSyntaxError) return new Unreadable(`uci show ${pkg}`, error.message);
    throw error;
  }
}
