// Header (device name, sign-out, language switch), the navigation the role may use, the banner, main.
// While signed in it follows the live status, which the banner and the pages read.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { chooseLang, signOut, watchStatus } from './actions.ts';
import { Banner } from './banner.tsx';
import { languages, t, type Lang } from './i18n/index.ts';
import { Link } from './router.tsx';
import { routes } from './routes.ts';
import { useApp } from './state.ts';

export function Layout({ children }: { children: ComponentChildren }) {
  const [{ role, lang }, state] = useApp();
  const pages = role ? routes.filter((r) => r.nav && r.roles.includes(role)) : [];
  useEffect(() => (role ? watchStatus(state) : undefined), [role]);
  return (
    <>
      <header>
        <span class="name">{t('app.name')}</span>
        {role && (
          <button type="button" class="link" onClick={() => signOut(state)}>
            {t('nav.signOut')}
          </button>
        )}
        <select
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
          {pages.map((r) => (
            <Link href={r.path}>{t(r.title)}</Link>
          ))}
        </nav>
      )}
      <main>
        <Banner />
        {children}
      </main>
    </>
  );
}
