import { ApiError } from './api.ts';
import { t } from './i18n/index.ts';

/** The text to show for a failed call: the server's own message, or ours when it gave none. */
export function errorText(e: unknown): string {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : t('error.title');
  if (e.status === 0) return t('error.network');
  if (e.status === 429) return t('error.tooMany', { s: e.retryAfter || 60 });
  return e.issues.length ? e.issues.map((i) => i.message).join('. ') : e.message;
}
