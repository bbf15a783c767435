// The audit log's events by code: the page words each in the reader's language with its
// params; `event` keeps the English sentence for the system log and API users.
export type AuditCode =
  | 'signed-in'
  | 'sign-in-failed'
  | 'setup-done'
  | 'password-changed'
  | 'wifi-changed'
  | 'wifi-restored'
  | 'wifi-revealed'
  | 'wifi-qr'
  | 'topup-bought'
  | 'topup-added'
  | 'ussd-action'
  | 'ussd-dialled'
  | 'sms-sent'
  | 'mobile-changed'
  | 'pin-changed'
  | 'pin-unlocked'
  | 'plan-changed'
  | 'device-blocked'
  | 'device-unblocked'
  | 'device-named'
  | 'best-reset'
  | 'puk-used'
  | 'networks-scanned'
  | 'operator-chosen'
  | 'operator-auto'
  | 'bands-limited'
  | 'bands-any'
  | 'rebooted'
  | 'factory-reset'
  | 'check-passed'
  | 'check-failed'
  | 'backup-downloaded'
  | 'backup-restored'
  | 'restore-refused'
  | 'update-deferred'
  | 'update-install-now'
  | 'update-checked'
  | 'commissioned'
  | 'commissioning-failed';

export type AuditParams = Record<string, string | number>;

/** `code` is a string here: entries stored by another version may carry a code this one does not know. */
export type AuditEntry = { at: string; role: string; event: string; code?: string; params?: AuditParams };
