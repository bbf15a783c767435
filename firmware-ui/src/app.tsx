// The app: state in context, the layout, and the routed page behind an error boundary.
import { useEffect } from 'preact/hooks';
import { loadSession } from './actions.ts';
import { ErrorBoundary } from './error-boundary.tsx';
import { t } from './i18n/index.ts';
import { Layout } from './layout.tsx';
import { Link, navigate, usePath } from './router.tsx';
import { homeOf, routes } from './routes.ts';
import { AppContext, useApp, type AppState } from './state.ts';

export function App({ state }: { state: AppState }) {
  return (
    <AppContext value={state}>
      <Layout>
        <Routed />
      </Layout>
    </AppContext>
  );
}

function Routed() {
  const [{ role, setupRequired }, state] = useApp();
  const path = usePath();
  const route = routes.find((r) => r.path === path);
  const allowed = role !== undefined && (!route || (route.roles.includes(role) && !(setupRequired && path !== '/setup')));

  useEffect(() => {
    if (role === undefined) loadSession(state).catch(() => state.set({ role: null }));
    else if (!allowed) navigate(homeOf(role, setupRequired), true);
  }, [role, setupRequired, allowed]);

  useEffect(() => {
    document.title = `${route ? t(route.title) + ' · ' : ''}${t('app.name')}`;
  });

  if (!allowed) return <p class="muted">{t('app.loading')}</p>;
  if (!route)
    return (
      <section class="card">
        <h1>{t('notFound.title')}</h1>
        <Link href="/">{t('nav.overview')}</Link>
      </section>
    );
  return (
    <ErrorBoundary key={path}>
      <route.page />
    </ErrorBoundary>
  );
}
