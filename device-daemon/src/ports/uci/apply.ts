// The meaning of `uci batch` commands on a parsed package, shared by the
// simulator and by tests that check what a real `uci batch` would leave.
import { findSection } from './section.ts';
import type { UciCommand, UciPackage } from '../types.ts';

export class UciCommandError extends Error {}

function locate(pkg: UciPackage, path: string): { section: string; option: string | undefined } {
  const [p, section, option, extra] = path.split('.');
  if (p !== pkg.name || !section || extra !== undefined) throw new UciCommandError(`invalid path "${path}"`);
  return { section, option };
}

/** Applies commands in order to a copy of `pkg`; throws on the first one uci itself would refuse. */
export function applyUci(pkg: UciPackage, commands: UciCommand[]): UciPackage {
  const out: UciPackage = { name: pkg.name, sections: pkg.sections.map((s) => ({ ...s, options: { ...s.options } })) };
  for (const cmd of commands) {
    const { section, option } = locate(out, cmd.path);
    const target = findSection(out, section);
    if (cmd.op === 'set' && option === undefined) {
      if (target) target.type = cmd.value;
      else if (section.startsWith('@')) throw new UciCommandError(`no section "${section}" in ${out.name}`);
      else out.sections.push({ type: cmd.value, name: section, anonymous: false, options: {} });
      continue;
    }
    if (!target) throw new UciCommandError(`no section "${section}" in ${out.name}`);
    if (cmd.op === 'delete') {
      if (option === undefined) out.sections = out.sections.filter((s) => s !== target);
      else delete target.options[option];
      continue;
    }
    if (option === undefined) throw new UciCommandError(`${cmd.op} needs an option in "${cmd.path}"`);
    if (/[\n\0]/.test(cmd.value)) throw new UciCommandError('values cannot hold a newline or NUL');
    const prev = target.options[option];
    if (cmd.op === 'set') target.options[option] = cmd.value;
    else if (cmd.op === 'add_list') target.options[option] = [...(Array.isArray(prev) ? prev : prev === undefined ? [] : [prev]), cmd.value];
    else if (cmd.op === 'del_list') {
      if (Array.isArray(prev)) target.options[option] = prev.filter((x) => x !== cmd.value);
    }
  }
  return out;
}
