// The operator's codes from UCI (our package): how to check the balance, the
// USSD quick actions, and the top-ups that can be bought. Read with the rest of
// the configuration (core/config.ts: at start and on reload); values that fail
// the checks are left out.
import type { UciPackage } from './device-data.ts';
import { parseSize } from './size.ts';

/** A USSD code: digits, * and #, as a phone dials it (never a leading '-'). */
export const USSD_CODE = /^[0-9*#]{1,32}$/;
/** A phone number or short code. */
export const PHONE = /^\+?[0-9]{3,20}$/;
/** Quick actions only installers may run (they switch the data service). */
export const INSTALLER_ACTIONS = ['data_on', 'data_off'];

export type SendSpec = { ussd: string | null; smsNumber: string | null; smsText: string | null };
export type BalanceConfig = SendSpec & { template: string; minIntervalS: number };
export type TopupOffer = SendSpec & { bytes: number; confirm: string | null };
export type ModemConfig = { balance: BalanceConfig | null; actions: Record<string, string>; topups: TopupOffer[] };

const one = (o: Record<string, string | string[]>, key: string, valid?: RegExp): string | null => {
  const x = o[key];
  return typeof x === 'string' && x !== '' && (!valid || valid.test(x)) ? x : null;
};

function sendSpec(o: Record<string, string | string[]>, ussdKey: string): SendSpec | null {
  const spec = { ussd: one(o, ussdKey, USSD_CODE), smsNumber: one(o, 'sms_number', PHONE), smsText: one(o, 'sms_text') };
  const sms = o.method === 'sms' || (!spec.ussd && spec.smsNumber);
  return sms ? (spec.smsNumber ? { ...spec, ussd: null } : null) : spec.ussd ? spec : null;
}

export function readModemConfig(pkg: UciPackage): ModemConfig {
  const config: ModemConfig = { balance: null, actions: {}, topups: [] };
  for (const { type, options: o } of pkg.sections) {
    if (type === 'balance') {
      const spec = sendSpec(o, 'ussd_code');
      const interval = Number(one(o, 'min_interval', /^\d{1,5}$/) ?? 30);
      if (spec) config.balance = { ...spec, template: one(o, 'template') ?? 'digi', minIntervalS: interval };
    } else if (type === 'ussd') {
      for (const [id, code] of Object.entries(o)) if (typeof code === 'string' && USSD_CODE.test(code)) config.actions[id] = code;
    } else if (type === 'topup') {
      const spec = sendSpec(o, 'ussd');
      const bytes = parseSize(one(o, 'size') ?? '');
      if (spec && bytes) config.topups.push({ ...spec, bytes, confirm: one(o, 'confirm') });
    }
  }
  return config;
}
