import { err, ok, type Result, ResultAsync } from 'neverthrow';
import type { Adapter } from './define-adapter.js';
import type { ErrorResult } from '../errors/error-result.js';
import { type NormalizeOptions, normalizeParsed, syntheticError } from './normalize.js';
import { describeThrown } from '../http/describe-thrown.js';
import { type Schema, validate } from './standard-schema.js';
import { parseBody } from './parse-body.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_ERROR_BODY_BYTES, readBodyUpTo, readBoundedText } from '../http/read-bounded-text.js';

export interface FromResponseOptions<T = unknown> extends NormalizeOptions {
  /** Bound on an error body, in bytes (default 64 KiB); the rest is cancelled unread. */
  maxErrorBodyBytes?: number;
  /** Bound on a 2xx body, in decoded bytes (default 32 MiB); a larger one is `invalid_response`, code `body_too_large`. */
  maxBodyBytes?: number;
  /** Any Standard Schema (zod, valibot, arktype, ...): validates a 2xx body and types the `ok` value; a mismatch is `invalid_response`. */
  schema?: Schema<T>;
}

const NO_BODY = new Set([204, 205, 304]);

/**
 * Reads a `Response` (an error body up to a bound) and classifies it: `ok(body)` for a
 * success, `err(ErrorResult)` otherwise. The returned ResultAsync never rejects.
 */
export function fromResponse<T = unknown>(
  adapter: Adapter,
  response: Response,
  options: FromResponseOptions<T> = {},
): ResultAsync<T, ErrorResult> {
  return new ResultAsync(readResponse(adapter, response, options, options.schema).catch(() => err(unreadable(adapter, options))));
}

/** @internal The promise behind `fromResponse`; resolves, never rejects. */
export async function readResponse<T>(
  adapter: Adapter,
  response: Response,
  options: FromResponseOptions<unknown>,
  schema: Schema<T> | undefined,
  // The client's view: each error says whether the server may have acted on the request.
  withOutcome = false,
): Promise<Result<T, ErrorResult>> {
  const status = response.status;
  if (status < 200 || status >= 300) {
    const text = await readBoundedText(response, options.maxErrorBodyBytes ?? DEFAULT_MAX_ERROR_BODY_BYTES);
    // A body cut short still has its status and headers, which carry the decision.
    return err(normalizeParsed(adapter, status, response.headers, parseBody(text), options, withOutcome));
  }
  let text: string | undefined;
  try {
    text = NO_BODY.has(status) ? '' : await readBodyUpTo(response, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  } catch (cause) {
    return err(
      syntheticError(adapter, 'network', 'body_read_error', `The ${status} body could not be read: ${describeThrown(cause)}`, { outcome: 'unknown' }, options),
    );
  }
  if (text === undefined) {
    const max = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    return err(
      syntheticError(adapter, 'invalid_response', 'body_too_large', `The ${status} body is larger than maxBodyBytes (${max} bytes); it was not read.`, { status, outcome: 'unknown' }, options),
    );
  }
  let body: unknown;
  try {
    // Parse first: trimming a large success body just to test for emptiness would copy it.
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    if (text.trim() !== '') {
      return err(
        syntheticError(adapter, 'invalid_response', 'invalid_json', `The ${status} body is not JSON.`, { status, raw: text, outcome: 'unknown' }, options),
      );
    }
  }
  if (adapter.isFailure(body)) return err(normalizeParsed(adapter, status, response.headers, body, options, withOutcome));
  if (schema === undefined) return ok(body as T);
  return matchSchema(adapter, schema, body, status, options);
}

/** @internal A 2xx body through the caller's schema: `ok(output)`, or `invalid_response` with the issues. */
export async function matchSchema<T>(adapter: Adapter, schema: Schema<T>, body: unknown, status: number, options: NormalizeOptions): Promise<Result<T, ErrorResult>> {
  let checked = validate(schema, body);
  if (checked instanceof Promise) checked = await checked;
  if (checked.ok) return ok(checked.value);
  const why =
    'issues' in checked
      ? `does not match the schema: ${checked.issues}`
      : `could not be checked: the schema threw ${describeThrown(checked.thrown)}`;
  return err(
    syntheticError(
      adapter,
      'invalid_response',
      'issues' in checked ? 'schema_mismatch' : 'schema_error',
      `The ${status} body ${why}`,
      { status, raw: body, outcome: 'unknown' },
      options,
    ),
  );
}

function unreadable(adapter: Adapter, options: NormalizeOptions): ErrorResult {
  return syntheticError(adapter, 'invalid_response', 'unreadable_response', 'The response could not be read.', {}, options);
}
