// A modem fault a user can act on; routes answer it with its code (api/errors.ts).

export type ModemFault = 'no-modem' | 'no-sim' | 'pin' | 'timeout' | 'network' | 'busy';

/** What exactly happened, finer than the fault: a wrong PIN and a SIM that needs its PUK are both 'pin'. */
export type ModemCode = ModemFault | 'wrong-pin' | 'puk' | 'not-configured' | 'purchase-pending';

/** Marks a ModemError from any bundle (see below). */
const BRAND = Symbol.for('modem-admin.ModemError');

export class ModemError extends Error {
  readonly [BRAND] = true;

  /**
   * The simulator is a bundle of its own (dist/sim.mjs) with its own copy of this class: a
   * fault it throws must still be known as a ModemError by the daemon's routes and service.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && BRAND in value;
  }

  constructor(
    readonly fault: ModemFault,
    message: string,
    /** Seconds until a rate-limited action may run again ('busy' only). */
    readonly retryAfter = 0,
    readonly code: ModemCode = fault,
    /** For the page's wording, e.g. {retries} left after a wrong PIN. */
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/** A network error is worth one more try; a timeout is not (the reply may still come). */
export const transient = (error: unknown): boolean => error instanceof ModemError && error.fault === 'network';
