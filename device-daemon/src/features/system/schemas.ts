// Request bodies of the system endpoints. Shared with the UI.
import * as v from 'valibot';
import { targetKind } from '../../core/host-target.ts';

/** What the installer types to confirm a factory reset. */
export const RESET_WORD = 'RESET';

export const RebootInput = v.strictObject({ confirm: v.literal(true, 'confirm the restart with "confirm": true') });

export const FactoryResetInput = v.strictObject({
  confirm: v.pipe(v.string('confirm: type RESET'), v.check((s) => s.trim() === RESET_WORD, `confirm: type ${RESET_WORD} to wipe the device`)),
});

export const ConnectivityInput = v.strictObject({
  /** Says what the request is for, so that an empty or stray body does nothing. */
  check: v.literal(true, 'send {"check": true}'),
  /** One more host name or address to reach, besides the operator's DNS and the configured host. */
  target: v.optional(v.pipe(v.string('target must be text'), v.check((t) => targetKind(t) !== null, 'target must be a host name or an IP address'))),
});

/** What a factory reset keeps and what it wipes (the UI says it before asking). */
export const RESET_KEEPS = ['firmware', 'package'] as const;
export const RESET_WIPES = ['settings', 'passwords', 'usage', 'audit', 'record'] as const;

/** The installer says the job is done; free notes go on the record. */
export const FinishInput = v.strictObject({
  done: v.literal(true, 'send {"done": true}'),
  notes: v.optional(v.pipe(v.string('notes must be text'), v.maxLength(2000, 'notes: at most 2000 characters')), ''),
});
