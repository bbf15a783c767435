// Above every page while signed in: lost contact, the cap banner (why, until when, how to
// get more data) and the daemon's notices, worded in the user's language.
import { useEffect, useState } from 'preact/hooks';
import { addTopup } from './actions.ts';
import type { UpdatesJson } from './api.ts';
import { errorText } from './error-text.ts';
import { currentLang, formatBytes, formatDate, formatOr, hasKey, t } from './i18n/index.ts';
import { Link } from './router.tsx';
import { useApp } from './state.ts';

export function Banner() {
  const [{ role, status, lost }, state] = useApp();
  const [busy, setBusy] = useState(false);
  /** After a top-up: what happened, and whether it went wrong. */
  const [result, setResult] = useState<[string, boolean] | null>(null);
  // The ISP's notices and a planned update (their text is the ISP's: shown as text only).
  const [updates, setUpdates] = useState<UpdatesJson | null>(null);
  useEffect(() => {
    if (!role) return;
    const load = () => state.api.get('/api/updates').then(setUpdates, () => {});
    load();
    const timer = setInterval(load, 600_000);
    return () => clearInterval(timer);
  }, [role]);
  if (!role || !status) return null;
  const { usage: u, plan } = status;
  const date = formatDate(u.cycleEnd, u.timeZone);
  const sizes = plan.topupSizes;
  const capped = u.state === 'throttled' || u.state === 'blocked';
  // Usage alerts pile up over a cycle (50, 80, 90, 100%): show the highest, and none at the cap,
  // where the cap banner says more.
  const top = Math.max(...status.notices.map((n) => (n.code === 'usage-alert' ? Number(n.params.percent) : 0)));
  const notices = status.notices.filter(
    (n) => (!n.audience || role === 'installer') && (n.code !== 'usage-alert' || (!capped && Number(n.params.percent) === top)),
  );
  return (
    <>
      {lost && (
        <p class="banner warning" role="status">
          {t('l.lost')}
        </p>
      )}
      {capped && (
        <div class="banner blocking" role="status">
          <p class="why">{u.state === 'throttled' ? t('cap.throttled', { down: plan.throttleDownKbit, up: plan.throttleUpKbit, date }) : t('cap.blocked', { date })}</p>
          {role === 'installer' ? (
            <p class="actions">
              {sizes.map((bytes) => (
                <button
                  type="button"
                  disabled={busy}
                  onClick={async () => {
                    setBusy(true);
                    setResult(await addTopup(state, bytes).then(() => [t('cap.added'), false], (e) => [errorText(e), true]));
                    setBusy(false);
                    setTimeout(setResult, 8000, null);
                  }}
                >
                  {t('cap.add', { size: formatBytes(bytes) })}
                </button>
              ))}
            </p>
          ) : (
            <p>{t('cap.ask', { sizes: formatOr(sizes.map((s) => formatBytes(s))) })}</p>
          )}
        </div>
      )}
      {result && (
        <p class={`banner ${result[1] ? 'warning' : ''}`} role="status">
          {result[0]}
        </p>
      )}
      {updates?.notices.map((n) => (
        <p key={n.id} class={`banner isp ${n.level === 'critical' ? 'blocking' : n.level}`} role="note">
          {n.text[currentLang()]}
        </p>
      ))}
      {updates?.pending && (
        <p class="banner update" role="status">
          {t('up.banner', { version: updates.pending.version, date: formatDate(new Date(updates.pending.installAt).toISOString(), u.timeZone, { weekday: 'long', day: 'numeric', month: 'long' }) })}{' '}
          <Link href="/updates">{t('up.details')}</Link>
        </p>
      )}
      {notices.map((n) => {
        const key = `n.${n.code}`;
        return (
          <p key={n.id} class={`banner ${n.level}`}>
            {hasKey(key) ? t(key, n.params) : n.code}
          </p>
        );
      })}
    </>
  );
}
