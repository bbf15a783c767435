// Request bodies are parsed once, here, with the same valibot schemas the UI
// uses. Anything else gets a 400 that names every problem.
import type { Context } from 'hono';
import * as v from 'valibot';
import type { ErrorCode, ErrorJson, Issue } from '../api/errors.ts';

/** An error answered as api/errors.ts says: a stable code and its params, and an English message. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly code: ErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
    readonly extra: Partial<ErrorJson> = {},
  ) {
    super(message);
  }

  json(): ErrorJson {
    return { error: this.message, code: this.code, params: this.params, ...this.extra };
  }
}

/** A 400 that lists every problem by field. */
export function invalid(issues: Issue[]): HttpError {
  return new HttpError(400, 'invalid', issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), {}, { issues });
}

/** An error body for middleware that answers without throwing. */
export const errorJson = (code: ErrorCode, error: string, extra: Partial<ErrorJson> = {}): ErrorJson => ({ error, code, params: {}, ...extra });

export const MAX_BODY_BYTES = 64 * 1024;

/** The request body as text, refusing more than `max` bytes however it is sent (length or chunked). */
async function readText(c: Context, max: number): Promise<string> {
  const tooLarge = () => new HttpError(413, 'body-too-large', `the body is larger than ${max} bytes`, { max });
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
    throw new HttpError(400, 'bad-json', 'the body is not valid JSON');
  }
  const result = v.safeParse(schema, body);
  if (!result.success) {
    // The issue's kind (valibot's type: min_length, regex, check, ...) lets a page word it by field.
    throw invalid(
      result.issues.map((i) => ({
        path: i.path?.map((p) => String(p.key)).join('.') ?? '',
        message: i.message,
        code: i.type,
        // The limit a check names (min_value 8, max_length 32), for the page's own words.
        ...(typeof i.requirement === 'number' ? { params: { requirement: i.requirement } } : {}),
      })),
    );
  }
  return result.output;
}
