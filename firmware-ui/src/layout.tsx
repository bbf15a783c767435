// Header (device name, sign-out, language switch), the navigation the role may use (the
// installer's own pages grouped), the banner, main.
// While signed in it follows the live status, which the banner and the pages read.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { chooseLang, signOut, watchStatus } from './actions.ts';
import { languages, t, type Lang } from './i18n/index.ts';
import { lazy } from './lazy.ts';
import { Link, usePath } from './router.tsx';
import { routes } from './routes.ts';
import { useApp } from './state.ts';

const Banner = lazy(() => import('./banner.tsx').then((m) => m.Banner));

export function Layout({ children }: { children: ComponentChildren }) {
  const [{ role, lang }, state] = useApp();
  const path = usePath();
  const links = (group: number) =>
    routes.map((r) => r.nav == group && r.roles.includes(role!) && <Link href={r.path}>{t(r.title)}</Link>);
  useEffect(() => (role ? watchStatus(state) : undefined), [role]);
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
        {role && <Banner />}
        {children}
      </main>
    </>
  );
}
