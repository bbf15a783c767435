// Request shapes of first-boot setup and password changes, shared with the UI.
import * as v from 'valibot';

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
