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
  | 'device-named';

export type AuditEntry = { at: string; role: string; event: string; code?: AuditCode; params?: Record<string, string | number> };
