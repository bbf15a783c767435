// GET/PUT /api/plan: the plan as the installer edits it. Shared with the UI.
import * as v from 'valibot';

const whole = (min: number, max: number, what: string) =>
  v.pipe(v.number(`${what} must be a number`), v.integer(`${what} must be a whole number`), v.minValue(min, `${what} must be at least ${min}`), v.maxValue(max, `${what} must be at most ${max}`));

/** Bytes, as integers; the UI converts from MB/GB. */
const bytes = (what: string) => whole(1, Number.MAX_SAFE_INTEGER, what);

export const PlanInput = v.strictObject({
  cycle: v.picklist(['monthly', 'calendar', 'prepaid', 'days'], 'cycle must be monthly, calendar, prepaid or days'),
  cycleDay: v.union([v.literal('last'), whole(1, 31, 'the cycle day')], 'the cycle day must be 1 to 31 or "last"'),
  cycleDays: whole(1, 366, 'the cycle length in days'),
  /** calendar: whole days of a first period from the start date (0: none); omitted: unchanged. */
  cycleFirstDays: v.optional(whole(0, 366, 'the first period in days')),
  cycleAnchor: v.nullable(v.pipe(v.string(), v.isoDate('the start date must be YYYY-MM-DD'))),
  timezone: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_+\-/]{1,64}$/, 'the time zone must be an IANA name such as Europe/Warsaw')),
  cap: v.nullable(bytes('the cap')),
  policy: v.picklist(['throttle', 'block', 'alert'], 'the policy must be throttle, block or alert'),
  throttleDownKbit: whole(8, 1_000_000, 'the download rate'),
  throttleUpKbit: whole(8, 1_000_000, 'the upload rate'),
  alertPercent: v.pipe(
    v.array(whole(1, 1000, 'an alert threshold')),
    v.maxLength(10, 'at most 10 alert thresholds'),
    v.check((xs) => new Set(xs).size === xs.length, 'alert thresholds must differ'),
  ),
  /** How sizes are written and shown: GB (powers of ten) or GiB (powers of two); omitted: unchanged. */
  units: v.optional(v.picklist(['GB', 'GiB'], 'units must be GB or GiB')),
  topupSizes: v.pipe(v.array(bytes('a top-up size')), v.minLength(1, 'offer at least one top-up size'), v.maxLength(6, 'at most 6 top-up sizes')),
});

export type PlanJson = v.InferOutput<typeof PlanInput>;

/** The plan as GET /api/plan gives it: every field present. */
export type PlanView = Required<PlanJson>;

export const TopupInput = v.strictObject({ bytes: bytes('the top-up size') });

export const CorrectionInput = v.strictObject({ operatorBytes: whole(0, Number.MAX_SAFE_INTEGER, 'the operator figure') });
