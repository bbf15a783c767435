// Every feature of the daemon, in the order their routes are registered. A new
// feature is a folder beside these with a manifest.ts, added here once.
import type { Manifest } from './manifest.ts';
import { account } from './account/manifest.ts';
import { audit } from './audit/manifest.ts';
import { devices } from './devices/manifest.ts';
import { health } from './health/manifest.ts';
import { modem } from './modem/manifest.ts';
import { plan } from './plan/manifest.ts';
import { session } from './session/manifest.ts';
import { status } from './status/manifest.ts';
import { system } from './system/manifest.ts';
import { updates } from './updates/manifest.ts';
import { usage } from './usage/manifest.ts';
import { wifi } from './wifi/manifest.ts';

export const FEATURES: readonly Manifest[] = [health, session, status, account, usage, plan, wifi, devices, modem, system, updates, audit];
