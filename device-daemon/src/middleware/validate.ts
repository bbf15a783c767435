// Request bodies are parsed once, here, with the same valibot schemas the UI
// uses. Anything else gets a 400 that names every problem.
import type { Context } from 'hono';
import * as v from 'valibot';

export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const MAX_BODY_BYTES = 64 * 1024;

/** The request body as text, refusing more than `max` bytes however it is sent (length or chunked). */
async function readText(c: Context, max: number): Promise<string> {
  const tooLarge = () => new HttpError(413, `the body is larger than ${max} bytes`);
  if (Number(c.req.header('content-length') ?? 0) > max) throw tooLarge();
  const reader = c.req.raw.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJson<T extends v.GenericSchema>(c: Context, schema: T): Promise<v.InferOutput<T>> {
  const text = await readText(c, MAX_BODY_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
  const result = v.safeParse(schema, body);
  if (!result.success) {
    const issues = result.issues.map((i) => ({ path: i.path?.map((p) => String(p.key)).join('.') ?? '', message: i.message }));
    throw new HttpError(400, issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), { issues });
  }
  return result.output;
}
