import { err, ok, type Result, ResultAsync } from 'neverthrow';
import type { z } from 'zod';
import type { Adapter } from './define-adapter.js';
import type { AttemptRecord, ErrorKind, ErrorResult, Outcome } from './error-result.js';
import { describe, readResponse } from './from-response.js';
import { type NormalizeOptions, syntheticError } from './normalize.js';
import { errorCode, responseOutcome, thrownOutcome, worstOutcome } from './outcome.js';
import type { Policy } from './policy.js';
import { DEFAULT_MAX_ERROR_BODY_BYTES } from './read-bounded-text.js';
import { createRetryBudget, type RetryBudget, type RetryBudgetOptions } from './retry-budget.js';
import { decideRetry, type RetrySettings } from './retry-decision.js';
import { scrubbableSecrets } from './scrub-secrets.js';
import { MAX_TIMER_MS } from './retry-after.js';
import { sleep } from './sleep.js';

/** Default time one attempt may take, headers and body included. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** Backoff base: retry n waits up to `baseDelayMs * 2^n`. Default 1000. */
  baseDelayMs?: number;
  /** Backoff cap (a Retry-After may exceed it). Default 30000. */
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the call ends with `retryAfterMs` set. Default 60000. */
  maxRetryAfterMs?: number;
  /** Retry POST and PATCH even when the server may have acted on them. Default false. */
  retryUnsafe?: boolean;
  /** The client's retry quota: options for a new one, one to share between clients, or `false` for none. */
  budget?: RetryBudgetOptions | RetryBudget | false;
  /** Source of randomness for jitter, in [0, 1). */
  random?: () => number;
}

export interface ClientOptions {
  adapter: Adapter;
  apiKey: string;
  /** Defaults to the adapter's documented base (`https://api.gen.pro/v1`, `https://api.genrex.io/v1`). */
  baseUrl?: string;
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Per attempt, headers and body included. Default 30000; 0 or Infinity for none. */
  timeoutMs?: number;
  /** For the whole call: attempts and waits. Default none. */
  deadlineMs?: number;
  retry?: RetryOptions | false;
  /** Error bodies are read up to this many bytes; the rest is cancelled. Default 65536. */
  maxErrorBodyBytes?: number;
  /** From `createPolicy(...)`; defaults to the shared table. */
  policy?: Policy;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Called before each retry with the 1-based number of the attempt that failed, its error and the wait. */
  onRetry?: (attempt: number, error: ErrorResult, delayMs: number) => void;
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

export interface RequestOptions<T = unknown> {
  /** Default GET. */
  method?: string;
  /** Appended to the URL, URL-encoded; `undefined` and `null` values are left out. */
  query?: Record<string, QueryValue>;
  /** A plain value is sent as JSON; a string, Blob, FormData, URLSearchParams or bytes as is. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Validates the 2xx body and types the `ok` value; a mismatch is `invalid_response`. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key`, the same on every attempt; lets POST and PATCH retry. `true` makes one up. */
  idempotencyKey?: string | true;
  /** Retry this POST or PATCH even when the server may have acted on it. */
  retryUnsafe?: boolean;
  timeoutMs?: number;
  deadlineMs?: number;
}

export interface Client {
  readonly adapter: Adapter;
  readonly baseUrl: string;
  /** The client's retry quota, when it has one. */
  readonly budget: RetryBudget | undefined;
  /** Never rejects: every failure is an `err(ErrorResult)` carrying `outcome` and `attempts`. */
  request<T = unknown>(path: string, options?: RequestOptions<T>): ResultAsync<T, ErrorResult>;
}

// Reasons we abort an attempt with, to tell our timeout from the caller's signal.
const TIMEOUT = 'faultline:timeout';
const DEADLINE = 'faultline:deadline';
const CALLER = 'faultline:caller';

type Failure = ErrorResult & { outcome: Outcome };

/** A `fetch` wrapper for one provider that returns Results, retries safely and never rejects. */
export function createClient(options: ClientOptions): Client {
  const { adapter, apiKey, onRetry } = options;
  const baseUrl = (options.baseUrl ?? adapter.baseUrl).replace(/\/+$/, '');
  // Checked once here rather than per request: parsing a URL costs about as much as the rest of the call's own work.
  const baseUrlValid = isUrl(baseUrl);
  const fetchImpl = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  const retry = options.retry === false ? undefined : (options.retry ?? {});
  const settings: RetrySettings = {
    maxRetries: retry === undefined ? 0 : count(retry.maxRetries, 3),
    baseDelayMs: count(retry?.baseDelayMs, 1000),
    maxDelayMs: count(retry?.maxDelayMs, 30_000),
    maxRetryAfterMs: count(retry?.maxRetryAfterMs, 60_000),
  };
  const budgetOption = retry?.budget;
  const budget: RetryBudget | undefined =
    retry === undefined || budgetOption === false
      ? undefined
      : budgetOption !== undefined && 'acquire' in budgetOption
        ? budgetOption
        : createRetryBudget(budgetOption);
  const secrets = scrubbableSecrets([apiKey]);
  // Every ErrorResult is scrubbed once, where it is made; what the client adds (outcome,
  // attempts built from those results) carries nothing new to scrub.
  const normalizeOptions: NormalizeOptions = { policy: options.policy, secrets };
  const readOptions = { ...normalizeOptions, maxErrorBodyBytes: options.maxErrorBodyBytes ?? DEFAULT_MAX_ERROR_BODY_BYTES };
  const authHeaders = lowerKeys(adapter.auth(apiKey));
  const baseHeaders: Record<string, string> = { accept: 'application/json', ...lowerKeys(options.headers), ...authHeaders };

  const fail = (kind: ErrorKind, code: string, message: string, outcome: Outcome): Failure =>
    syntheticError(adapter, kind, code, message, { outcome }, normalizeOptions) as Failure;

  async function run<T>(path: string, req: RequestOptions<T>): Promise<Result<T, ErrorResult>> {
    const method = (req.method ?? 'GET').toUpperCase();
    const { signal, body } = req;
    const deadlineMs = req.deadlineMs ?? options.deadlineMs;
    const deadline = deadlineMs === undefined ? undefined : Date.now() + deadlineMs;
    const timeoutMs = req.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const attempts: AttemptRecord[] = [];
    let callOutcome: Outcome | undefined;
    const finish = (error: ErrorResult & { outcome?: Outcome }): Result<T, ErrorResult> =>
      err({ ...error, outcome: worstOutcome(callOutcome, error.outcome ?? 'not_sent'), attempts });

    if (!baseUrlValid) return finish(fail('invalid_request', 'invalid_url', `Not a valid base URL: ${baseUrl}`, 'not_sent'));
    const search = queryString(req.query);
    const url = baseUrl + path + (search === '' ? '' : (path.includes('?') ? '&' : '?') + search);
    // The client's key always wins: a stray request header cannot swap the account.
    const headers: Record<string, string> =
      req.headers === undefined ? { ...baseHeaders } : { ...baseHeaders, ...lowerKeys(req.headers), ...authHeaders };
    if (req.idempotencyKey !== undefined) {
      headers['idempotency-key'] = req.idempotencyKey === true ? globalThis.crypto.randomUUID() : req.idempotencyKey;
    }
    const init: RequestInit = { method, headers };
    if (body !== undefined) {
      if (method === 'GET' || method === 'HEAD') {
        return finish(fail('invalid_request', 'body_not_allowed', `A ${method} request cannot have a body.`, 'not_sent'));
      }
      if (isJsonBody(body)) {
        init.body = JSON.stringify(body);
        headers['content-type'] ??= 'application/json';
      } else {
        init.body = body as BodyInit;
      }
    }
    // An Idempotency-Key given as a plain header counts too.
    const unsafeAllowed = headers['idempotency-key'] !== undefined || (req.retryUnsafe ?? retry?.retryUnsafe ?? false);
    // A stream can be sent once (and fetch wants `duplex` for it); there is nothing to send again.
    const replayable = typeof ReadableStream === 'undefined' || !(body instanceof ReadableStream);
    if (!replayable) (init as RequestInit & { duplex: 'half' }).duplex = 'half';

    let spent: number | undefined;
    for (let retries = 0; ; retries++) {
      if (signal?.aborted) return finish(fail('aborted', 'aborted', 'The caller aborted the request.', 'not_sent'));
      const remainingMs = deadline === undefined ? undefined : deadline - Date.now();
      if (remainingMs !== undefined && remainingMs <= 0) {
        return finish(fail('timeout', 'deadline_exceeded', `The call's deadline of ${deadlineMs} ms passed.`, 'not_sent'));
      }
      const result = await attempt<T>(url, init, req.schema, timeoutMs, remainingMs, signal);
      if (result.isOk()) {
        budget?.recordSuccess(spent);
        return result;
      }
      const error = result.error;
      callOutcome = worstOutcome(callOutcome, error.outcome);
      const record: AttemptRecord = { kind: error.kind, code: error.code, outcome: error.outcome };
      if (error.status !== undefined) record.status = error.status;
      if (error.retryAfterMs !== undefined) record.retryAfterMs = error.retryAfterMs;
      attempts.push(record);

      const answer = decideRetry({
        error,
        retriesSoFar: retries,
        method,
        callOutcome,
        unsafeAllowed,
        settings,
        remainingMs: deadline === undefined ? undefined : deadline - Date.now(),
        random: retry?.random,
      });
      if (!answer.retry || !replayable) return finish(error);
      if (budget !== undefined) {
        spent = budget.acquire(error.kind);
        if (spent === undefined) return finish(error);
      }
      record.delayMs = answer.delayMs;
      try {
        onRetry?.(attempts.length, { ...error, outcome: callOutcome, attempts: [...attempts] }, answer.delayMs);
      } catch {
        // A logging hook that throws must not turn into a rejected call.
      }
      if (!(await sleep(answer.delayMs, signal))) {
        return finish(fail('aborted', 'aborted', 'The caller aborted the request.', 'not_sent'));
      }
    }
  }

  async function attempt<T>(
    url: string,
    init: RequestInit,
    schema: z.ZodType<T> | undefined,
    timeoutMs: number,
    remainingMs: number | undefined,
    signal: AbortSignal | undefined,
  ): Promise<Result<T, Failure>> {
    const controller = new AbortController();
    // 0 or Infinity means no per-attempt limit; setTimeout would fire at once for either.
    const perAttempt = timeoutMs > 0 ? timeoutMs : Infinity;
    const byDeadline = remainingMs !== undefined && remainingMs < perAttempt;
    const limit = byDeadline ? remainingMs : perAttempt;
    const timer = limit < Infinity ? setTimeout(() => controller.abort(byDeadline ? DEADLINE : TIMEOUT), Math.min(limit, MAX_TIMER_MS)) : undefined;
    const onAbort = (): void => controller.abort(CALLER);
    signal?.addEventListener('abort', onAbort, { once: true });
    init.signal = controller.signal;
    // An abort by our timer or the caller's signal is that, whatever error it surfaced as.
    const interrupted = (): Failure | undefined => {
      const reason: unknown = controller.signal.aborted ? controller.signal.reason : undefined;
      if (reason === CALLER) return fail('aborted', 'aborted', 'The caller aborted the request.', 'unknown');
      if (reason === DEADLINE) return fail('timeout', 'deadline_exceeded', "The call's deadline passed during an attempt.", 'unknown');
      if (reason === TIMEOUT) return fail('timeout', 'timeout', `The attempt took longer than ${timeoutMs} ms.`, 'unknown');
      return undefined;
    };
    try {
      const response = await fetchImpl(url, init);
      const result = await readResponse(adapter, response, readOptions, schema);
      if (result.isOk()) return ok(result.value);
      const error = result.error;
      // A body that broke off because our timer or the caller's signal fired is that, not a network fault.
      return err((error.kind === 'network' ? interrupted() : undefined) ?? { ...error, outcome: error.outcome ?? responseOutcome(response.status) });
    } catch (thrown) {
      return err(interrupted() ?? networkError(thrown));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  function networkError(thrown: unknown): Failure {
    const message = describe(thrown);
    if (errorCode(thrown) === 'ERR_INVALID_URL') return fail('invalid_request', 'invalid_url', message, 'not_sent');
    return fail('network', 'network_error', message, thrownOutcome(thrown));
  }

  return {
    adapter,
    baseUrl,
    budget,
    request<T = unknown>(path: string, req: RequestOptions<T> = {}): ResultAsync<T, ErrorResult> {
      return new ResultAsync(
        run(path, req).catch((thrown: unknown) =>
          err<T, ErrorResult>({ ...fail('unknown', 'internal_error', `faultline failed unexpectedly: ${describe(thrown)}`, 'unknown'), attempts: [] }),
        ),
      );
    },
  };
}

// Not URL.canParse: runtimes from before 2023 lack it.
function isUrl(value: string): boolean {
  try {
    return new URL(value).protocol !== '';
  } catch {
    return false;
  }
}

// A non-negative whole number, or the default for anything else (NaN, negative, undefined).
function count(value: number | undefined, fallback: number): number {
  return value !== undefined && value >= 0 ? Math.floor(value) : fallback;
}

function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers !== undefined) for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

function queryString(query: RequestOptions['query']): string {
  if (query === undefined) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined && item !== null) params.append(key, String(item));
  }
  return params.toString();
}

// Plain data goes as JSON; strings, bytes, Blob, FormData, URLSearchParams and streams go as they are.
function isJsonBody(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return typeof body !== 'string';
  const proto: unknown = Object.getPrototypeOf(body);
  return Array.isArray(body) || proto === Object.prototype || proto === null;
}
