import { err, ok, type Result } from 'neverthrow';
import type { Schema } from '../classify/standard-schema.js';
import { type AttemptSignal, attemptSignal, CALLER, DEADLINE, TIMEOUT } from './attempt-signal.js';
import type { BuiltRequest } from './build-request.js';
import type { Adapter } from '../classify/define-adapter.js';
import type { ErrorKind, ErrorResult, Outcome } from '../errors/error-result.js';
import { type FromResponseOptions, readResponse } from '../classify/from-response.js';
import { describeThrown } from '../http/describe-thrown.js';
import { errorCode, thrownOutcome } from '../http/outcome.js';
import { stripUrlCredentials } from '../classify/scrub-secrets.js';

/** An ErrorResult as the client makes it: it always says whether the server may have acted. */
export type Failure = ErrorResult & { outcome: Outcome };

/** What one attempt needs from its client. */
export interface AttemptContext {
  adapter: Adapter;
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  readOptions: FromResponseOptions<unknown>;
  fail: (kind: ErrorKind, code: string, message: string, outcome: Outcome, status?: number, retryAfterMs?: number) => Failure;
}

/**
 * One HTTP attempt: fetch under a timeout and the caller's signal, never following a
 * redirect, then the bounded read and classification. Resolves, never rejects.
 */
export async function attempt<T>(
  ctx: AttemptContext,
  request: BuiltRequest,
  schema: Schema<T> | undefined,
  timeoutMs: number,
  remainingMs: number | undefined,
): Promise<Result<T, Failure>> {
  const { init } = request;
  request.status = undefined;
  const limits = attemptSignal(timeoutMs, remainingMs, request.signal);
  init.signal = limits.signal;
  try {
    const response = await ctx.fetch(request.url, init);
    const status = response.status;
    request.status = status;
    if (status < 400 && (status < 200 || status >= 300) && status !== 304) return err(redirected(ctx, response, request));
    const result = await readResponse(ctx.adapter, response, ctx.readOptions, schema, true);
    if (result.isOk()) return ok(result.value);
    const error = result.error as Failure;
    // A body that broke off because our timer or the caller's signal fired is that, not a network fault.
    return err((error.kind === 'network' ? interrupted(ctx, limits, timeoutMs) : undefined) ?? error);
  } catch (thrown) {
    return err(interrupted(ctx, limits, timeoutMs) ?? thrownError(ctx, thrown));
  } finally {
    limits.release();
  }
}

// An abort by our timer or the caller's signal is that, whatever error it surfaced as. Asked only
// on a failure: the success path makes no closure for it.
function interrupted(ctx: AttemptContext, limits: AttemptSignal, timeoutMs: number): Failure | undefined {
  const reason = limits.reason();
  if (reason === CALLER) return ctx.fail('aborted', 'aborted', 'The caller aborted the request.', 'unknown');
  if (reason === DEADLINE) return ctx.fail('timeout', 'deadline_exceeded', "The call's deadline passed during an attempt.", 'unknown');
  if (reason === TIMEOUT) return ctx.fail('timeout', 'timeout', `The attempt took longer than ${timeoutMs} ms.`, 'unknown');
  return undefined;
}

/**
 * A 3xx, or the opaque status-0 answer browsers give under `redirect: 'manual'`. Following it
 * would carry a custom key header (X-API-Key) to another origin, and 307/308 would re-send a
 * paid POST there. After anything but GET or HEAD the server may have acted (a 303 says it did).
 */
function redirected(ctx: AttemptContext, response: Response, request: BuiltRequest): Failure {
  response.body?.cancel().catch(() => undefined);
  const status = response.status;
  const outcome: Outcome = request.method === 'GET' || request.method === 'HEAD' ? 'rejected' : 'unknown';
  let location = response.headers.get('location') ?? undefined;
  if (location !== undefined) {
    try {
      location = new URL(location, request.url).href;
    } catch {
      // Not a URL: named as sent.
    }
    location = stripUrlCredentials(location).slice(0, 500);
  }
  const what = status === 0 ? 'The server redirected' : `The server answered ${status}`;
  const where = location === undefined ? 'a redirect' : `a redirect to ${location}`;
  return ctx.fail('invalid_request', 'redirect', `${what}, ${where}; faultline does not follow redirects.`, outcome, status === 0 ? undefined : status);
}

function thrownError(ctx: AttemptContext, thrown: unknown): Failure {
  const message = describeThrown(thrown);
  if (errorCode(thrown) === 'ERR_INVALID_URL') return ctx.fail('invalid_request', 'invalid_url', message, 'not_sent');
  return ctx.fail('network', 'network_error', message, thrownOutcome(thrown));
}
