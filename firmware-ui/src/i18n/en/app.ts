// English strings the entry needs on every page: app frame, navigation, errors, the usage
// banner and notices. Each page's own strings are in en/<page>.ts, in that page's chunk.
import type { Plural } from '../types.ts';

export const en = {
  'app.name': 'LTE modem',
  'app.language': 'Language',
  'app.loading': 'Loading…',
  'nav.label': 'Pages',
  'nav.overview': 'Overview',
  'nav.usage': 'Usage',
  'nav.balance': 'Balance',
  'nav.sms': 'SMS',
  'nav.wifi': 'Wi-Fi',
  'nav.devices': 'Devices',
  'nav.account': 'Account',
  'nav.installer': 'Installer',
  'nav.signal': 'Signal',
  'nav.mobile': 'Mobile network',
  'nav.plan': 'Plan',
  'nav.audit': 'Audit log',
  'nav.signOut': 'Sign out',
  'signIn.title': 'Sign in',
  'setup.title': 'Set up your modem',
  'error.title': 'Something went wrong',
  'error.reload': 'Reload',
  'error.network': 'Cannot reach the modem. Is this device connected to it?',
  'error.tooMany': 'Too many tries. Try again in {s} s.',
  'notFound.title': 'Page not found',
  'app.lost': 'No contact with the modem. Retrying…',
  'nav.system': 'System',
  'nav.updates': 'Updates',
} satisfies Record<string, string | Plural>;
