import type { Result, ResultAsync } from 'neverthrow';
import type { ErrorResult } from './error-result.js';

// Symbol.for: the same marker in every copy of the package a process loads, so `is` works
// where `instanceof` does not (two versions in node_modules, a bundled and an installed copy).
const MARK = Symbol.for('faultline.FaultlineError');

/**
 * An `Error` carrying an ErrorResult, for code that throws: Express handlers, job queues,
 * `await` without neverthrow. Its message is `[kind/code] message`, from the result's own
 * scrubbed text; `result` is the plain data, `cause` whatever was passed as one.
 */
export class FaultlineError extends Error {
  override readonly name = 'FaultlineError';
  readonly result: ErrorResult;

  constructor(result: ErrorResult, options?: { cause?: unknown }) {
    super(`[${result.kind}/${result.code}] ${result.message}`, options);
    this.result = result;
    Object.defineProperty(this, MARK, { value: true });
  }

  /** Whether a value is a FaultlineError, from this copy of faultline or any other. */
  static is(value: unknown): value is FaultlineError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARK] === true;
  }

  /** Loggers that JSON-encode errors get the ErrorResult, not `{}`. */
  toJSON(): { name: string; message: string; result: ErrorResult } {
    return { name: this.name, message: this.message, result: this.result };
  }
}

/** The ErrorResult as a throwable `FaultlineError`; a FaultlineError is returned as it is. */
export function toError(error: ErrorResult | FaultlineError, options?: { cause?: unknown }): FaultlineError {
  return FaultlineError.is(error) ? error : new FaultlineError(error, options);
}

/**
 * A Result (or a ResultAsync, or a promise of one) as a Promise of its value that rejects with a
 * `FaultlineError`: `const doc = await unwrapOrThrow(client.request('/document/create', ...))`.
 */
export async function unwrapOrThrow<T>(
  result: Result<T, ErrorResult> | ResultAsync<T, ErrorResult> | PromiseLike<Result<T, ErrorResult>>,
): Promise<T> {
  const settled = await result;
  if (settled.isOk()) return settled.value;
  throw toError(settled.error);
}
