import { err, ok, type Result } from 'neverthrow';
import type { Adapter } from './define-adapter.js';
import type { ErrorResult } from '../errors/error-result.js';
import { type NormalizeOptions, normalize, normalizeParsed, type ResponseInput, statusOf } from './normalize.js';
import { parseBody } from './parse-body.js';

/**
 * Decides success or failure: a 2xx is `ok(body)` unless the provider's body says it failed
 * (a GenRex 200 with `success: false`); anything else is `err(ErrorResult)`. Never throws.
 */
export function classify(adapter: Adapter, input: ResponseInput, options: NormalizeOptions = {}): Result<unknown, ErrorResult> {
  try {
    const status = statusOf(input);
    const body = parseBody(input.body);
    if (status !== undefined && status >= 200 && status < 300 && !adapter.isFailure(body)) return ok(body);
    return err(normalizeParsed(adapter, status, input.headers, body, options));
  } catch {
    return err(normalize(adapter, input, options));
  }
}
