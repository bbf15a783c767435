// Every page: its path, title, who may open it, and whether it is in the navigation.
// A new page is one line here, one file in pages/ and its strings in i18n/en/ and i18n/pl/.
// Every page is a chunk of its own: a phone that lands on sign-in loads sign-in only.
import type { ComponentType } from 'preact';
import type { Role } from '../../device-daemon/src/api/index.ts';
import type { Key } from './i18n/index.ts';
import { lazy } from './lazy.ts';

export type Route = {
  path: string;
  title: Key;
  /** null: only while signed out (setup, sign-in). */
  roles: (Role | null)[];
  /** In the navigation: 1 for everyone's pages, 2 in the installer's group. */
  nav?: 1 | 2;
  page: ComponentType;
};

const everyone: Role[] = ['customer', 'installer'];
const installer: Role[] = ['installer'];

export const routes: Route[] = [
  { path: '/', title: 'nav.overview', roles: everyone, nav: 1, page: lazy(() => import('./pages/overview.tsx').then((m) => m.Overview)) },
  { path: '/usage', title: 'nav.usage', roles: everyone, nav: 1, page: lazy(() => import('./pages/usage.tsx').then((m) => m.Usage)) },
  { path: '/balance', title: 'nav.balance', roles: everyone, nav: 1, page: lazy(() => import('./pages/balance.tsx').then((m) => m.Balance)) },
  { path: '/sms', title: 'nav.sms', roles: everyone, nav: 1, page: lazy(() => import('./pages/sms.tsx').then((m) => m.Sms)) },
  { path: '/wifi', title: 'nav.wifi', roles: everyone, nav: 1, page: lazy(() => import('./pages/wifi.tsx').then((m) => m.Wifi)) },
  { path: '/devices', title: 'nav.devices', roles: everyone, nav: 1, page: lazy(() => import('./pages/devices.tsx').then((m) => m.Devices)) },
  { path: '/account', title: 'nav.account', roles: everyone, nav: 1, page: lazy(() => import('./pages/account.tsx').then((m) => m.Account)) },
  { path: '/system', title: 'nav.system', roles: everyone, nav: 1, page: lazy(() => import('./pages/system.tsx').then((m) => m.System)) },
  // Linked from the overview; not in the navigation.
  { path: '/why', title: 'why.title', roles: everyone, page: lazy(() => import('./pages/why.tsx').then((m) => m.Why)) },
  { path: '/signal', title: 'nav.signal', roles: installer, nav: 2, page: lazy(() => import('./pages/signal.tsx').then((m) => m.Signal)) },
  { path: '/mobile', title: 'nav.mobile', roles: installer, nav: 2, page: lazy(() => import('./pages/mobile.tsx').then((m) => m.Mobile)) },
  { path: '/plan', title: 'nav.plan', roles: installer, nav: 2, page: lazy(() => import('./pages/plan.tsx').then((m) => m.Plan)) },
  // Customers reach it from the update banner; installers from their group.
  { path: '/updates', title: 'nav.updates', roles: everyone, nav: 2, page: lazy(() => import('./pages/updates.tsx').then((m) => m.Updates)) },
  { path: '/audit', title: 'nav.audit', roles: installer, nav: 2, page: lazy(() => import('./pages/audit.tsx').then((m) => m.Audit)) },
  { path: '/sign-in', title: 'signIn.title', roles: [null], page: lazy(() => import('./pages/sign-in.tsx').then((m) => m.SignIn)) },
  { path: '/setup', title: 'setup.title', roles: [null], page: lazy(() => import('./pages/setup.tsx').then((m) => m.Setup)) },
];

/** Where a user with this session belongs when the requested page is not theirs. */
export function homeOf(role: Role | null, setupRequired: boolean): string {
  return setupRequired ? '/setup' : role ? '/' : '/sign-in';
}
