// mmcli's human-readable output, the only one ModemManager before 1.12 can print
// (--output-keyvalue came in 1.10, --output-json in 1.12; see its NEWS). Both of
// its layouts are sections of "field: value" lines behind a `|`:
//
//   before 1.10                                 1.10 and later
//   Bearer '/org/…/Bearer/1'                      --------------------------
//     -------------------------                   General  |  dbus path: /org/…/Bearer/0
//     Status   |   connected: 'yes'               Status   |  connected: yes
//              |   interface: 'wwp0s20u4'                  |  interface: wwan0
//     IPv4 … |      DNS: '1.1.1.1', '8.8.8.8'     IPv4 … |        dns: 1.1.1.1, 8.8.8.8
//
// A blank name before the `|` continues the section above; a line whose text
// starts right of the field's colon continues the value above (a long list,
// a revision over several lines). Old values are quoted ('a', 'b' is a list of
// two); new ones are bare and a list is one "a, b" string, which the reader of
// each field splits where it knows the field is a list.
import { Unreadable } from './unreadable.ts';

/** Section name → field name → the values printed for it (several for a list or a continued value). */
export type MmcliText = { title: string | null; sections: Record<string, Record<string, string[]>> };

const WHAT = 'mmcli (human-readable)';
const RULE = /^\s*-{3,}\s*$/;
const QUOTED = /'([^']*)'/g;
// From 1.10 the state and a failure reason are coloured (cli/mmcli-output.c, mmcli_output_state).
const COLOUR = /\x1b\[[0-9;]*m/g;

/** The values of one printed value: the quoted strings of the old layout, else the bare text. */
function values(raw: string): string[] {
  const text = raw.trim();
  if (!text.startsWith("'")) return text === '' ? [] : [text];
  return [...text.matchAll(QUOTED)].map((m) => m[1]!);
}

/** Reads mmcli's human-readable output; never throws. A line of another layout makes it an Unreadable. */
export function readMmcliText(text: string): MmcliText | Unreadable {
  if (typeof text !== 'string') return new Unreadable(WHAT, 'not text');
  const out: MmcliText = { title: null, sections: {} };
  let section: Record<string, string[]> | null = null;
  let field: string[] | null = null;
  /** Column of the colon after the last field name: text right of it continues that field. */
  let colon = -1;
  let fields = 0;
  const lines = text.replace(COLOUR, '').split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '' || RULE.test(line)) continue;
    const bar = line.indexOf('|');
    if (bar < 0) {
      // Only the old layout's first line ("Bearer '/org/…'") stands outside the sections.
      if (fields === 0 && out.title === null) {
        out.title = line.trim();
        continue;
      }
      return new Unreadable(WHAT, `line ${i + 1} is not "section | field: value"`);
    }
    const name = line.slice(0, bar).trim();
    const rest = line.slice(bar + 1);
    const start = rest.search(/\S/);
    if (name === '' && field && colon >= 0 && start > colon) {
      field.push(...values(rest));
      continue;
    }
    const m = /^\s*([^:'|]*[A-Za-z][^:'|]*?)\s*:(.*)$/.exec(rest);
    if (!m) return new Unreadable(WHAT, `line ${i + 1} has no "field: value" after the |`);
    if (name !== '') section = out.sections[name] ??= {};
    if (!section) return new Unreadable(WHAT, `line ${i + 1} continues a section that was never named`);
    field = section[m[1]!.trim()] = values(m[2]!);
    colon = rest.indexOf(':');
    fields++;
  }
  return fields === 0 ? new Unreadable(WHAT, 'no "section | field: value" lines') : out;
}
