// One way to define a file the daemon keeps (on flash, or in the RAM journal):
// its name, the version of its shape, a valibot schema of the current version,
// the migrations from older versions, and a size cap. The store (ports/store)
// reads with the cap and hands the stored data here: what comes back is either
// a value of the current shape or the reason it is not one, never a crash.
import * as v from 'valibot';

export type StoredFile<T> = {
  /** File name stem: NAME.a.json and NAME.b.json. */
  name: string;
  /** The version written now; older ones are brought up by `migrations`. */
  version: number;
  schema: v.GenericSchema<unknown, T>;
  /** migrations[n] turns version n's data into version n + 1's. */
  migrations?: Record<number, (data: unknown) => unknown>;
  /** Bigger files are not read at all (a damaged or hostile file must not run the heap out). */
  maxBytes: number;
};

export function defineStoredFile<T>(file: StoredFile<T>): StoredFile<T> {
  return file;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Brings stored data of `version` up to the current version and checks its shape. */
export function decodeStored<T>(file: StoredFile<T>, version: number, data: unknown): Decoded<T> {
  if (!Number.isSafeInteger(version) || version < 1 || version > file.version) return { ok: false, problem: `unknown version ${String(version)}` };
  let current = data;
  for (let n = version; n < file.version; n++) {
    const migrate = file.migrations?.[n];
    if (!migrate) return { ok: false, problem: `no migration from version ${n}` };
    try {
      current = migrate(current);
    } catch (error) {
      return { ok: false, problem: `migration from version ${n} failed: ${(error as Error).message}` };
    }
  }
  const result = v.safeParse(file.schema, current);
  if (result.success) return { ok: true, value: result.output };
  const first = result.issues[0];
  const path = first.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, problem: `wrong shape${path ? ` at ${path}` : ''}: ${first.message}` };
}
