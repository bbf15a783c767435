// Text that reaches UCI, a command's argv or the modem: control characters
// (NUL, line breaks, escapes) and lone UTF-16 surrogates are refused by the
// request schema, so they answer 400 naming the field instead of failing
// inside `uci` or `execFile` (a NUL in argv throws) after the request was taken.
import * as v from 'valibot';

/** C0 and C1 controls, DEL, and surrogates that are not part of a pair (with the u flag, only lone ones match \p{Cs}). */
const CONTROL = /[\p{Cc}\p{Cs}]/u;
/** The same, but line breaks (\n) are text: an SMS may have several lines. */
const CONTROL_BUT_NEWLINE = /[\0-\x09\x0b-\x1f\x7f-\x9f\p{Cs}]/u;

export function plainText(what: string, options: { lines?: boolean } = {}) {
  const pattern = options.lines ? CONTROL_BUT_NEWLINE : CONTROL;
  return v.check((text: string) => !pattern.test(text), `${what} cannot hold control characters${options.lines ? '' : ' or line breaks'}`);
}
