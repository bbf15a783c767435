// Request bodies of the modem endpoints (balance, top-up purchase, USSD, SMS,
// mobile settings). Shared with the UI.
import * as v from 'valibot';
import { PHONE, USSD_CODE } from '../../core/modem-config.ts';
import { plainText } from '../../core/plain-text.ts';

const text = (max: number, what: string) => v.pipe(v.string(`${what} must be text`), v.maxLength(max, `${what}: at most ${max} characters`));
const pin = v.pipe(v.string(), v.regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits'));

/** Says what the request is for, so that an empty or stray body does nothing. */
export const CheckInput = v.strictObject({ check: v.literal(true, 'send {"check": true}') });

export const UssdInput = v.strictObject({ code: v.pipe(v.string(), v.regex(USSD_CODE, 'a USSD code is up to 32 of 0-9 * #, such as *108#')) });
/** A menu answer: digits, * and # only. */
export const UssdAnswerInput = v.strictObject({ text: v.pipe(v.string(), v.regex(/^[0-9*#]{1,32}$/, 'an answer is up to 32 of 0-9 * #')) });
export const QuickActionInput = v.strictObject({ action: v.pipe(v.string(), v.regex(/^\w{1,32}$/, 'unknown action')) });

export const PurchaseInput = v.strictObject({
  bytes: v.pipe(v.number(), v.safeInteger('bytes must be a whole number'), v.minValue(1, 'bytes must be positive')),
  /** The customer saw the price and said yes. */
  confirm: v.literal(true, 'confirm the purchase with "confirm": true'),
});

export const SmsInput = v.strictObject({
  to: v.pipe(v.string(), v.regex(PHONE, 'the number must be 3 to 20 digits, optionally after +')),
  text: v.pipe(
    text(640, 'the text'),
    v.minLength(1, 'the text is empty'),
    plainText('the text', { lines: true }),
    // mmcli's key=value list cannot carry both quote marks.
    v.check((t) => !(t.includes("'") && t.includes('"')), `the text cannot hold both ' and "`),
  ),
});

export const MobileInput = v.strictObject({
  apn: v.pipe(text(64, 'the APN'), v.regex(/^([A-Za-z0-9][A-Za-z0-9.-]*)?$/, 'the APN is letters, digits, dots and dashes')),
  auth: v.picklist(['none', 'pap', 'chap'], 'auth must be none, pap or chap'),
  username: v.pipe(text(64, 'the user name'), plainText('the user name'), v.regex(/^[^'",\\]*$/, 'the user name cannot hold quotes, commas or \\')),
  /** Omitted: keep the stored password. */
  password: v.optional(v.pipe(text(64, 'the password'), plainText('the password'), v.regex(/^[^'",\\]*$/, 'the password cannot hold quotes, commas or \\'))),
  mode: v.picklist(['auto', 'lte', '3g'], 'mode must be auto, lte or 3g'),
});

/** Unlock with `pin`; with `newPin` too, change it. */
export const PinInput = v.strictObject({ pin, newPin: v.optional(pin) });

/** A blocked SIM: its PUK (8 digits, from the SIM's card) and the PIN to set. */
export const PukInput = v.strictObject({ puk: v.pipe(v.string(), v.regex(/^\d{8}$/, 'a PUK is 8 digits')), newPin: pin });

/** A network from the scan (MCC+MNC), or null for automatic selection. */
export const OperatorInput = v.strictObject({ code: v.nullable(v.pipe(v.string(), v.regex(/^\d{5,6}$/, 'an operator code is 5 or 6 digits (MCC+MNC)'))) });

/** ModemManager band names the modem supports, or null for any band. */
export const BandsInput = v.strictObject({
  bands: v.nullable(
    v.pipe(
      v.array(v.pipe(v.string(), v.regex(/^[a-z0-9]+(-\d+)?$/, 'a band is a name such as eutran-20'))),
      v.minLength(1, 'choose at least one band, or null for any'),
      v.maxLength(64, 'at most 64 bands'),
    ),
  ),
});
