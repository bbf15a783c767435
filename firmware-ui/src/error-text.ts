// A failed call in the user's language, with what to do: the server's code worded here
// (never its English message), the wait counted in seconds, a field's problem by its field.
import { ApiError } from './api.ts';
import { hasKey, strings, t } from './i18n/index.ts';

strings({ en: () => import('./i18n/en/errors.ts'), pl: () => import('./i18n/pl/errors.ts') });

/** The text to show for a failed call. */
export function errorText(e: unknown): string {
  // Our own checks throw an Error with a message already in the user's language.
  if (!(e instanceof ApiError)) return e instanceof Error && e.message ? e.message : t('error.code.internal');
  if (e.status === 0) return t('error.network');
  const key = `error.code.${e.code}`;
  if (!e.code || !hasKey(key)) return t('error.other', { status: e.status });
  // The wait is in the Retry-After header (busy, too many tries) or the params; plurals count `n`.
  return t(key, { ...e.params, seconds: e.retryAfter || e.params.seconds || 60, n: e.params.retries ?? '' });
}

/** The problems the server named, by field (an issue's path names its field first: "alertPercent.1"). */
export function issuesOf(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (e instanceof ApiError) for (const i of e.issues) out[i.path.split('.')[0]!] = t('error.field');
  return out;
}
