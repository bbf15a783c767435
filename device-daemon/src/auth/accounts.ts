// Who may sign in: the customer, with the password chosen at first boot, and the
// installer, with the hash the ISP provisions in UCI. Until first-boot setup is
// done only the label secret (printed on the device) opens the setup form.
import { timingSafeEqual } from 'node:crypto';
import type { Role } from '../features/session/schemas.ts';
import * as v from 'valibot';
import { defineStoredFile } from '../core/stored-file.ts';
import type { StorePort } from '../ports/types.ts';
import { hashPassword, verifyPassword } from './password.ts';

type AccountsState = { customerHash: string | null };

export const ACCOUNTS_FILE = defineStoredFile<AccountsState>({
  name: 'accounts',
  version: 1,
  schema: v.object({ customerHash: v.nullable(v.pipe(v.string(), v.maxLength(512))) }),
  maxBytes: 4096,
});

/** A refused setup or password: its code says which rule (api/errors.ts). */
export class SetupError extends Error {
  constructor(
    readonly code: 'already-set-up' | 'wrong-secret' | 'password-is-secret',
    message: string,
  ) {
    super(message);
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function createAccounts(options: { store: StorePort; labelSecret: string; installerHash: () => string | undefined }) {
  const stored = await options.store.read(ACCOUNTS_FILE);
  let state: AccountsState = { customerHash: stored?.customerHash ?? null };

  return {
    setupRequired: () => state.customerHash === null,
    /** First boot: the label secret proves physical access; the new password replaces it for good. */
    async setup(secret: string, password: string): Promise<void> {
      if (state.customerHash !== null) throw new SetupError('already-set-up', 'this device is already set up');
      if (!sameText(secret.trim().toUpperCase(), options.labelSecret)) throw new SetupError('wrong-secret', 'the label secret is not right');
      if (password.trim().toUpperCase() === options.labelSecret) throw new SetupError('password-is-secret', 'choose a password other than the label secret');
      state = { customerHash: await hashPassword(password) };
      await options.store.write(ACCOUNTS_FILE, state);
    },
    /** Sets a new customer password (the caller has checked who may). */
    async changePassword(password: string): Promise<void> {
      if (password.trim().toUpperCase() === options.labelSecret) throw new SetupError('password-is-secret', 'choose a password other than the label secret');
      state = { customerHash: await hashPassword(password) };
      await options.store.write(ACCOUNTS_FILE, state);
    },
    /** The role `password` signs in as, or null. The installer credential is checked first. */
    async authenticate(password: string): Promise<Role | null> {
      const installer = options.installerHash();
      if (installer && (await verifyPassword(password, installer))) return 'installer';
      if (state.customerHash && (await verifyPassword(password, state.customerHash))) return 'customer';
      return null;
    },
  };
}

export type Accounts = Awaited<ReturnType<typeof createAccounts>>;
