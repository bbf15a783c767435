// Every message key, from all the English parts (types only: nothing here is bundled).
import type { en as core } from './en/app.ts';
import type { en as account } from './en/account.ts';
import type { en as audit } from './en/audit.ts';
import type { en as balance } from './en/balance.ts';
import type { en as banner } from './en/banner.ts';
import type { en as devices } from './en/devices.ts';
import type { en as errors } from './en/errors.ts';
import type { en as mobile } from './en/mobile.ts';
import type { en as signal } from './en/signal.ts';
import type { en as sms } from './en/sms.ts';
import type { en as system } from './en/system.ts';
import type { en as wifi } from './en/wifi.ts';
import type { en as overview } from './en/overview.ts';
import type { en as plan } from './en/plan.ts';
import type { en as setup } from './en/setup.ts';
import type { en as shared } from './en/shared.ts';
import type { en as usage } from './en/usage.ts';
import type { en as support } from './en/support.ts';
import type { en as why } from './en/why.ts';
import type { en as cap } from './en/cap.ts';
import type { en as updates } from './en/updates.ts';
import type { Plural } from './types.ts';

type All = typeof core &
  typeof account &
  typeof audit &
  typeof overview &
  typeof plan &
  typeof setup &
  typeof shared &
  typeof usage &
  typeof updates &
  typeof balance &
  typeof banner &
  typeof sms &
  typeof system &
  typeof signal &
  typeof mobile &
  typeof wifi &
  typeof devices &
  typeof errors &
  typeof support &
  typeof why &
  typeof cap;

export type Key = keyof All;
