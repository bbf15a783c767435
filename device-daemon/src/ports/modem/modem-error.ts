// A modem fault a user can act on; routes answer it with its code.
import { Unreadable } from '../../core/unreadable.ts';

export type ModemFault = 'no-modem' | 'no-sim' | 'pin' | 'timeout' | 'network' | 'busy';

export class ModemError extends Error {
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

/** A parsed mmcli output, or the fault of an output no parser could read. */
export function modemReading<T>(value: T | Unreadable): T {
  if (value instanceof Unreadable) throw new ModemError('network', value.message);
  return value;
}
