// A modem fault a user can act on; routes answer it with its code.
import { Unreadable } from '../../core/unreadable.ts';
//
// Recognised by its `name` and `fault` strings, never by `instanceof`: the
// simulator is a bundle of its own (dist/sim.mjs) with its own copy of this
// class, so an error it throws is not an instance of the daemon's class.

export const MODEM_FAULTS = ['no-modem', 'no-sim', 'pin', 'timeout', 'network', 'busy'] as const;
export type ModemFault = (typeof MODEM_FAULTS)[number];

export class ModemError extends Error {
  override readonly name = 'ModemError';
  constructor(
    readonly fault: ModemFault,
    message: string,
    /** Seconds until a rate-limited action may run again ('busy' only). */
    readonly retryAfter = 0,
  ) {
    super(message);
  }
}

/** The modem fault `error` is, from whichever bundle it came; null for any other error. */
export function asModemError(error: unknown): ModemError | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as Partial<ModemError>;
  return e.name === 'ModemError' && (MODEM_FAULTS as readonly unknown[]).includes(e.fault) && typeof e.message === 'string' ? (error as ModemError) : null;
}

/** A network error is worth one more try; a timeout is not (the reply may still come). */
export const transient = (error: unknown): boolean => asModemError(error)?.fault === 'network';

/** A parsed mmcli output, or the fault of an output no parser could read. */
export function modemReading<T>(value: T | Unreadable): T {
  if (value instanceof Unreadable) throw new ModemError('network', value.message);
  return value;
}
