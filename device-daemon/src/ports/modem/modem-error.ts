// A modem fault a user can act on; routes answer it with its code.

export type ModemFault = 'no-modem' | 'no-sim' | 'pin' | 'timeout' | 'network' | 'busy';

/** Marks a ModemError made by any copy of this class. */
const BRAND = Symbol.for('modem-admin.ModemError');

export class ModemError extends Error {
  readonly [BRAND] = true;
  // The simulator is its own bundle with its own copy of this class: `instanceof`
  // goes by the brand, so its errors are the daemon's ModemErrors too.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: boolean })[BRAND] === true;
  }
  constructor(
    readonly fault: ModemFault,
    message: string,
    /** Seconds until a rate-limited action may run again ('busy' only). */
    readonly retryAfter = 0,
  ) {
    super(message);
  }
}

/** A network error is worth one more try; a timeout is not (the reply may still come). */
export const transient = (error: unknown): boolean => error instanceof ModemError && error.fault === 'network';
