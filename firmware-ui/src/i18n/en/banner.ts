// The daemon's notices, above every page while signed in.
import type { Plural } from '../types.ts';

export const en = {
  'notice.usage-alert': 'You have used {percent}% of your data for this period.',
  'notice.offload-bypass': 'Flow offloading is on, so the speed limit and the data count do not work. Turn it off in the firewall settings.',
  'notice.enforcement-failed': 'The speed limit or block could not be applied; the modem logged why.',
  'notice.other': 'The modem has a message it cannot show in this language. Your installer can read it in the log.',
  'updates.banner': 'A modem update ({version}) will be installed on {date} at night. The internet drops for a few minutes.',
  'updates.details': 'Details',
  'notice.state-not-saved': 'State not saved to {where} ({reason}); retrying.',
} satisfies Record<string, string | Plural>;
