// Header (device name, sign-out, language switch), the navigation the role may use (the
// installer's own pages grouped), the banner, main.
// While signed in it follows the live status, which the banner and the pages read.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { chooseLang, signOut, watchStatus, watchUpdates } from './actions.ts';
import { languages, t, type Lang } from './i18n/index.ts';
import { lazy } from './lazy.ts';
import { Link, usePath } from './router.tsx';
import { routes } from './routes.ts';
import { useApp, type AppData } from './state.ts';

/** Loaded only when there is something to say: most visits have nothing, and load less. */
const Banner = lazy(() => import('./banner.tsx').then((m) => m.Banner));

/** Lost contact, the cap, a notice of the daemon or the ISP, a planned update. */
const hasNews = ({ lost, status, updates }: AppData) =>
  lost || !!status?.notices.length || status?.usage.state == 'throttled' || status?.usage.state == 'blocked' || !!(updates?.notices.length || updates?.pending);

export function Layout({ children }: { children: ComponentChildren }) {
  const [data, state] = useApp();
  const { role, lang } = data;
  const path = usePath();
  // Once shown, the banner stays: it keeps a top-up's result after the cap it lifted is gone.
  const news = useRef(false);
  news.current ||= !!role && hasNews(data);
  const links = (group: number) =>
    routes.map((r) => r.nav == group && r.roles.includes(role!) && <Link href={r.path}>{t(r.title)}</Link>);
  useEffect(() => {
    if (!role) return;
    const stops = [watchStatus(state), watchUpdates(state)];
    return () => stops.forEach((stop) => stop());
  }, [role]);
  return (
    <>
      <header>
        <b>{t('app.name')}</b>
        {role && (
          <button type="button" class="link" onClick={() => signOut(state)}>
            {t('nav.signOut')}
          </button>
        )}
        <select
          translate={false}
          aria-label={t('app.language')}
          value={lang}
          onChange={(e) => chooseLang(state, e.currentTarget.value as Lang)}
        >
          {Object.entries(languages).map(([code, name]) => (
            <option value={code} lang={code}>
              {name}
            </option>
          ))}
        </select>
      </header>
      {role && (
        <nav aria-label={t('nav.label')}>
          {links(1)}
          {/* The installer's pages, in a group of their own so the navigation stays two lines on a phone. */}
          {role == 'installer' && (
            <details open={routes.some((r) => r.nav == 2 && r.path == path)}>
              <summary>{t('nav.installer')}</summary>
              {links(2)}
            </details>
          )}
        </nav>
      )}
      <main>
        {role && news.current && <Banner />}
        {children}
      </main>
    </>
  );
}
