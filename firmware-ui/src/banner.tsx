// Above every page while signed in: lost contact, the cap banner (cap-banner.tsx, loaded at the
// cap only) and the daemon's notices, worded in the user's language. A chunk of its own, loaded
// once signed in: sign-in and setup do not need it.
import { useState } from 'preact/hooks';
import type { Result } from './cap-banner.tsx';
import { hasKey, strings, t } from './i18n/index.ts';
import { lazy } from './lazy.ts';
import { useApp } from './state.ts';

strings({ en: () => import('./i18n/en/banner.ts'), pl: () => import('./i18n/pl/banner.ts') });

/** Only at the cap: its words, offers and buttons load then. */
const Cap = lazy(() => import('./cap-banner.tsx').then((m) => m.Cap));

export function Banner() {
  const [{ role, status, lost }] = useApp();
  const [result, setResult] = useState<Result>(null);
  if (!role || !status) return null;
  const capped = status.usage.state === 'throttled' || status.usage.state === 'blocked';
  // Usage alerts pile up over a period (50, 80, 90, 100%): show the highest, and none at the
  // cap, where the cap banner says more.
  const top = Math.max(...status.notices.map((n) => (n.code === 'usage-alert' ? Number(n.params.percent) : 0)));
  const notices = status.notices.filter(
    (n) => (!n.audience || role === 'installer') && (n.code !== 'usage-alert' || (!capped && Number(n.params.percent) === top)),
  );
  return (
    <>
      {lost && (
        <p class="banner warning" role="status">
          {t('app.lost')}
        </p>
      )}
      {capped && <Cap onResult={setResult} />}
      {result && (
        <p class={`banner ${result.failed ? 'warning' : ''}`} role="status">
          {result.text}
        </p>
      )}
      {notices.map((n) => {
        const key = `notice.${n.code}`;
        return (
          <p key={n.id} class={`banner ${n.level}`}>
            {hasKey(key) ? t(key, n.params) : t('notice.other')}
          </p>
        );
      })}
    </>
  );
}
