// Request and reply shapes of /api/session and /api/setup, shared with the UI.
import * as v from 'valibot';

export type Role = 'customer' | 'installer';

export const LoginRequest = v.strictObject({
  password: v.pipe(v.string(), v.minLength(1, 'password is required'), v.maxLength(256, 'password is too long')),
});

export type SessionInfo = { role: Role; csrfToken: string };

/** GET /api/session when not signed in tells the UI which page to show. */
export type SessionState = { role: Role | null; setupRequired: boolean; csrfToken?: string };
