// Every page: its path, title, who may open it, and whether it is in the navigation.
// A new page is one line here, one file in pages/ and its strings in i18n/en/ and pl.ts.
import type { ComponentType } from 'preact';
import type { Role } from '../../device-daemon/src/api/index.ts';
import type { Key } from './i18n/index.ts';
import { lazy } from './lazy.ts';
// The home page is in the entry: everyone opens it first, and its own chunk would cost a request and bytes.
import { Overview } from './pages/overview.tsx';

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

/** A page from the one chunk of all pages but the overview (pages/all.ts). */
const page = (name: keyof typeof import('./pages/all.ts')) => lazy(() => import('./pages/all.ts').then((m) => m[name]));

export const routes: Route[] = [
  { path: '/', title: 'nav.overview', roles: everyone, nav: 1, page: Overview },
  { path: '/usage', title: 'nav.usage', roles: everyone, nav: 1, page: page('Usage') },
  { path: '/balance', title: 'nav.balance', roles: everyone, nav: 1, page: page('Balance') },
  { path: '/sms', title: 'nav.sms', roles: everyone, nav: 1, page: page('Sms') },
  { path: '/wifi', title: 'nav.wifi', roles: everyone, nav: 1, page: page('Wifi') },
  { path: '/devices', title: 'nav.devices', roles: everyone, nav: 1, page: page('Devices') },
  { path: '/account', title: 'nav.account', roles: everyone, nav: 1, page: page('Account') },
  { path: '/system', title: 'nav.system', roles: everyone, nav: 1, page: page('System') },
  { path: '/signal', title: 'nav.signal', roles: installer, nav: 2, page: page('Signal') },
  { path: '/mobile', title: 'nav.mobile', roles: installer, nav: 2, page: page('Mobile') },
  { path: '/plan', title: 'nav.plan', roles: installer, nav: 2, page: page('Plan') },
  // Customers reach it from the update banner; installers from their group.
  { path: '/updates', title: 'nav.updates', roles: everyone, nav: 2, page: page('Updates') },
  { path: '/audit', title: 'nav.audit', roles: installer, nav: 2, page: page('Audit') },
  { path: '/sign-in', title: 'si.title', roles: [null], page: page('SignIn') },
  { path: '/setup', title: 'su.title', roles: [null], page: page('Setup') },
];

/** Where a user with this session belongs when the requested page is not theirs. */
export function homeOf(role: Role | null, setupRequired: boolean): string {
  return setupRequired ? '/setup' : role ? '/' : '/sign-in';
}
