// Command output checked once at the boundary: the schema's output, or an error
// that says which command and where its output stopped making sense.
import * as v from 'valibot';

export function parseOutput<T extends v.GenericSchema>(schema: T, value: unknown, what: string): v.InferOutput<T> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const at = issue.path?.map((p) => String(p.key)).join('.') || 'the top';
  throw new Error(`${what}: unexpected output at ${at}: ${issue.message}`);
}
