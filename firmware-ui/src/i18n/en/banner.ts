// The banner above every page while signed in: the cap (what is happening, until when, what to do)
// and the daemon's notices.
import type { Plural } from '../types.ts';

export const en = {
  'cap.throttled': 'Allowance used up: speed limited to {down}/{up} kbit/s until {date}.',
  'cap.blocked': 'Allowance used up: internet stopped until {date}.',
  'cap.ask': 'For more data, ask your provider or installer for a top-up ({sizes}).',
  'cap.add': 'Add {size}',
  'cap.added': 'Top-up added.',
  'notice.usage-alert': 'You have used {percent}% of your allowance.',
  'notice.offload-bypass': 'Flow offloading is on: limits and counts cannot hold. Turn it off in the firewall.',
  'notice.enforcement-failed': 'The limit or block could not be applied: {message}',
} satisfies Record<string, string | Plural>;
