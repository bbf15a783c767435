// Every page but the overview, as one lazy chunk: on flash, one gzip file shares its dictionary
// across the pages (about 4 KB less than a chunk per page), and the LAN loads it in a moment.
export { Account } from './account.tsx';
export { Audit } from './audit.tsx';
export { Balance } from './balance.tsx';
export { Devices } from './devices.tsx';
export { Mobile } from './mobile.tsx';
export { Plan } from './plan.tsx';
export { Setup } from './setup.tsx';
export { SignIn } from './sign-in.tsx';
export { Signal } from './signal.tsx';
export { Sms } from './sms.tsx';
export { System } from './system.tsx';
export { Updates } from './updates.tsx';
export { Usage } from './usage.tsx';
export { Wifi } from './wifi.tsx';
