// Every page: its path, title, who may open it, and whether it is in the navigation.
// A new page is one line here, one file in pages/ and its strings in i18n/en/ and pl.ts.
import type { ComponentType } from 'preact';
import type { Role } from '../../device-daemon/src/api/session.ts';
import type { Key } from './i18n/index.ts';
import { lazy } from './lazy.ts';

export type Route = {
  path: string;
  title: Key;
  /** null: only while signed out (setup, sign-in). */
  roles: (Role | null)[];
  nav?: boolean;
  page: ComponentType;
};

const everyone: Role[] = ['customer', 'installer'];

export const routes: Route[] = [
  { path: '/', title: 'nav.overview', roles: everyone, nav: true, page: lazy(() => import('./pages/overview.tsx').then((m) => m.Overview)) },
  { path: '/usage', title: 'nav.usage', roles: everyone, nav: true, page: lazy(() => import('./pages/usage.tsx').then((m) => m.Usage)) },
  { path: '/plan', title: 'nav.plan', roles: ['installer'], nav: true, page: lazy(() => import('./pages/plan.tsx').then((m) => m.Plan)) },
  { path: '/audit', title: 'nav.audit', roles: ['installer'], nav: true, page: lazy(() => import('./pages/audit.tsx').then((m) => m.Audit)) },
  { path: '/account', title: 'nav.account', roles: everyone, nav: true, page: lazy(() => import('./pages/account.tsx').then((m) => m.Account)) },
  { path: '/sign-in', title: 'signIn.title', roles: [null], page: lazy(() => import('./pages/sign-in.tsx').then((m) => m.SignIn)) },
  { path: '/setup', title: 'setup.title', roles: [null], page: lazy(() => import('./pages/setup.tsx').then((m) => m.Setup)) },
];

/** Where a user with this session belongs when the requested page is not theirs. */
export function homeOf(role: Role | null, setupRequired: boolean): string {
  return setupRequired ? '/setup' : role ? '/' : '/sign-in';
}
