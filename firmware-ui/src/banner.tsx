// Above every page while signed in: lost contact, the cap banner (cap-banner.tsx, loaded at the
// cap only), the ISP's notices and a planned update, and the daemon's notices, worded in the
// user's language. A chunk of its own, loaded once signed in: sign-in and setup do not need it.
import { useState } from 'preact/hooks';
import type { Result } from './cap-banner.tsx';
import { currentLang, formatDate, hasKey, strings, t } from './i18n/index.ts';
import { lazy } from './lazy.ts';
import { Link } from './router.tsx';
import { useApp } from './state.ts';
import './cards.ts';

strings({ en: () => import('./i18n/en/banner.ts'), pl: () => import('./i18n/pl/banner.ts') });

/** Only at the cap: its words, offers and buttons load then. */
const Cap = lazy(() => import('./cap-banner.tsx').then((m) => m.Cap));

export function Banner() {
  // The ISP's notices and a planned update come with `updates` (their text is the ISP's: shown as text only).
  const [{ role, status, lost, updates }] = useApp();
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
      {updates?.notices.map((n) => (
        <p key={n.id} class={`banner isp ${n.level === 'critical' ? 'blocking' : n.level}`} role="note">
          {n.text[currentLang()]}
        </p>
      ))}
      {updates?.pending && (
        <p class="banner update" role="status">
          {t('updates.banner', { version: updates.pending.version, date: formatDate(new Date(updates.pending.installAt).toISOString(), status.usage.timeZone, { weekday: 'long', day: 'numeric', month: 'long' }) })}{' '}
          <Link href="/updates">{t('updates.details')}</Link>
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
