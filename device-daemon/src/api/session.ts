// Request and reply shapes of /api/session and /api/setup, shared with the UI.
import * as v from 'valibot';

export type Role = 'customer' | 'installer';

export const LoginRequest = v.strictObject({
  password: v.pipe(v.string(), v.minLength(1, 'password is required'), v.maxLength(256, 'password is too long')),
});

const newPassword = v.pipe(
  v.string(),
  v.minLength(10, 'choose a password of at least 10 characters'),
  v.maxLength(256, 'password is too long'),
);

export const SetupRequest = v.strictObject({
  secret: v.pipe(v.string(), v.minLength(1, 'label secret is required'), v.maxLength(64, 'label secret is too long')),
  password: newPassword,
});

export const PasswordChange = v.strictObject({
  current: v.optional(v.pipe(v.string(), v.maxLength(256, 'password is too long'))),
  password: newPassword,
});

export type SessionInfo = { role: Role; csrfToken: string };

/** GET /api/session when not signed in tells the UI which page to show. */
export type SessionState = { role: Role | null; setupRequired: boolean; csrfToken?: string };
