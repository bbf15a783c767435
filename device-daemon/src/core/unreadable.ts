// What a parser of command output returns when it cannot read it: a value,
// never an exception, so one odd output (a new ModemManager version, a cut-off
// pipe, a locale) cannot take a page down. The caller decides what it means.
import * as v from 'valibot';

export class Unreadable {
  constructor(
    /** The output, e.g. "mmcli -J -m". */
    readonly what: string,
    /** Where it stopped making sense. */
    readonly why: string,
  ) {}
  get message(): string {
    return `${this.what}: unreadable output (${this.why})`;
  }
}

/** The schema's output, or an Unreadable naming the first place the value does not fit. */
export function readWith<T extends v.GenericSchema>(schema: T, value: unknown, what: string): v.InferOutput<T> | Unreadable {
  let input = value;
  if (typeof value === 'string') {
    try {
      input = JSON.parse(value);
    } catch {
      return new Unreadable(what, 'not JSON');
    }
  }
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const issue = result.issues[0];
  return new Unreadable(what, `${issue.path?.map((p) => String(p.key)).join('.') || 'the top'}: ${issue.message}`);
}

/** For callers to whom unreadable output is a failure: the value, or an Error with the reason. */
export function readable<T>(value: T | Unreadable): T {
  if (value instanceof Unreadable) throw new Error(value.message);
  return value;
}
