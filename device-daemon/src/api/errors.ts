// The shape of every error the API answers: `code` is stable and names what went wrong (the
// page words it in the user's language, with what to do), `params` fill it in, and `error`
// is an English sentence for logs and API users. A 400 also lists `issues`, one per field.

/** Every code an error may carry. */
export type ErrorCode =
  // requests
  | 'bad-json'
  | 'body-too-large'
  | 'invalid'
  | 'not-json'
  | 'cross-origin'
  | 'unknown-host'
  | 'not-found'
  // sessions and accounts
  | 'sign-in-required'
  | 'forbidden'
  | 'installers-only'
  | 'csrf'
  | 'setup-required'
  | 'already-set-up'
  | 'wrong-password'
  | 'wrong-current-password'
  | 'wrong-secret'
  | 'password-is-secret'
  | 'too-many-tries'
  | 'password-busy'
  // plan and top-ups
  | 'topup-size'
  // devices
  | 'own-device'
  // the modem (faults a user can act on)
  | 'no-modem'
  | 'no-sim'
  | 'pin'
  | 'wrong-pin'
  | 'puk'
  | 'timeout'
  | 'network'
  | 'busy'
  | 'not-configured'
  | 'purchase-pending'
  | 'no-such-action'
  // updates
  | 'no-update-channel'
  | 'no-update-pending'
  | 'update-refused'
  // system
  | 'backup-refused'
  // anything else: logged in full on the device
  | 'internal';

/** One problem with one field of a request: `path` names the field ("alertPercent.1"). */
export type Issue = { path: string; message: string; code: string; params?: Record<string, string | number> };

export type ErrorJson = {
  error: string;
  code: ErrorCode;
  params: Record<string, string | number>;
  issues?: Issue[];
  retryAfter?: number;
  setupRequired?: true;
};
