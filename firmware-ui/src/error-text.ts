// A failed call in the user's language, with what to do: the server's code worded here
// (never its English message), the wait counted in seconds, a field's problem by its field.
// The words load when the first error shows: most visits never need them.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, type ErrorCode } from './api.ts';
import { hasKey, onDemand, t } from './i18n/index.ts';

const words = onDemand({ en: () => import('./i18n/en/errors.ts'), pl: () => import('./i18n/pl/errors.ts') });

/** The text to show for a failed call, once its words are loaded. */
export async function explain(e: unknown): Promise<string> {
  // Unreachable modem: the words cannot load either; the entry has this one.
  if (e instanceof ApiError && e.status === 0) return t('error.network');
  await words().catch(() => {});
  return errorText(e);
}

/** The text to show for a failed call (its words loaded: see explain()). */
function errorText(e: unknown): string {
  // Our own checks throw an Error with a message already in the user's language.
  if (!(e instanceof ApiError)) return e instanceof Error && e.message ? e.message : t('error.code.internal');
  if (e.status === 0) return t('error.network');
  const key = `error.code.${e.code}`;
  if (!e.code || !hasKey(key)) return t('error.other', { status: e.status });
  // The wait is in the Retry-After header (busy, too many tries) or the params; plurals count `n`.
  return t(key, { ...e.params, seconds: e.retryAfter || e.params.seconds || 60, n: e.params.retries ?? '' });
}

/**
 * A fault the server reported inside a reply (a balance check's `result.error`), worded once
 * the words are loaded: the caller re-renders then.
 */
export function useFaultText(fault: { code: string } | null | undefined): string {
  const [, loaded] = useState(false);
  useEffect(() => void (fault && words().then(() => loaded(true), () => {})), [fault?.code]);
  return fault ? errorText(new ApiError(500, '', fault.code as ErrorCode)) : '';
}

/** One problem the server named: the field (its path's first part), the whole path, and its words. */
export type Problem = { field: string; path: string; text: string };

/**
 * Every problem the server named. A field's own words (`field.<field>.<kind>`) win over the
 * kind's (`field.<kind>`, with the limit it names); a line of a configuration file (a restore)
 * keeps the server's message, which quotes the file.
 */
export function problemsOf(e: unknown): Problem[] {
  if (!(e instanceof ApiError)) return [];
  return e.issues.map((i) => {
    const field = i.path.split('.')[0]!;
    const own = `field.${field}.${i.code}`;
    const kind = `field.${i.code}`;
    const text = hasKey(own) ? t(own, i.params) : hasKey(kind) && i.params ? t(kind, i.params) : i.code === 'backup' ? i.message : t('field.invalid');
    return { field, path: i.path, text };
  });
}

/** The problems the server named, by field (an issue's path names its field first: "alertPercent.1"). */
export const issuesOf = (e: unknown): Record<string, string> => Object.fromEntries(problemsOf(e).map((p) => [p.field, p.text]));
