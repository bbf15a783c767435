// English strings the entry needs on every page: app frame, navigation, errors, the usage
// banner and notices. Each page's own strings are in en/<page>.ts, in that page's chunk.
import type { Plural } from './types.ts';

export const en = {
  'app.name': 'LTE modem',
  'app.language': 'Language',
  'app.loading': 'Loading…',
  'nav.label': 'Pages',
  'nav.overview': 'Overview',
  'nav.usage': 'Usage',
  'nav.plan': 'Plan',
  'nav.audit': 'Audit log',
  'nav.account': 'Account',
  'nav.signOut': 'Sign out',
  'signIn.title': 'Sign in',
  'setup.title': 'Set up your modem',
  'error.title': 'Something went wrong',
  'error.reload': 'Reload the page',
  'error.network': 'Cannot reach the modem. Check that this phone or computer is connected to it.',
  'error.tooMany': 'Too many attempts. Try again in {s} s.',
  'notFound.title': 'Page not found',
  'notFound.home': 'Go to the overview',
  'live.lost': 'Lost contact with the modem. Retrying…',
  'cap.throttled': 'The monthly allowance is used up, so the speed is limited to {down}/{up} kbit/s until {date}.',
  'cap.blocked': 'The monthly allowance is used up, so the internet is stopped until {date}.',
  'cap.ask': 'For more data now, ask your internet provider or installer for a top-up ({sizes}).',
  'cap.add': 'Add {size}',
  'cap.added': 'Top-up added.',
  'notice.usage-alert': 'You have used {percent}% of your allowance.',
  'notice.offload-bypass': 'Flow offloading is on, so the speed limit and the data count cannot work. Turn it off in the firewall settings.',
  'notice.enforcement-failed': 'The speed limit or block could not be applied: {message}',
} satisfies Record<string, string | Plural>;
