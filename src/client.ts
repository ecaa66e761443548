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
import { scrubbableSecrets, scrubSecrets } from './scrub-secrets.js';
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
  /** Per attempt, headers and body included. Default 30000. */
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
const TIMEOUT = Symbol('faultline.timeout');
const DEADLINE = Symbol('faultline.deadline');
const CALLER = Symbol('faultline.caller');

type Attempt<T> = Result<T, ErrorResult & { outcome: Outcome }>;

/** A `fetch` wrapper for one provider that returns Results, retries safely and never rejects. */
export function createClient(options: ClientOptions): Client {
  const { adapter, apiKey } = options;
  const baseUrl = (options.baseUrl ?? adapter.baseUrl).replace(/\/+$/, '');
  // Checked once here rather than per request: parsing a URL costs about as much as the rest of the call's own work.
  const baseUrlValid = URL.canParse(baseUrl);
  const fetchImpl = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  const retry = options.retry === false ? undefined : (options.retry ?? {});
  const settings: RetrySettings = {
    maxRetries: retry === undefined ? 0 : (retry.maxRetries ?? 3),
    baseDelayMs: retry?.baseDelayMs ?? 1000,
    maxDelayMs: retry?.maxDelayMs ?? 30_000,
    maxRetryAfterMs: retry?.maxRetryAfterMs ?? 60_000,
  };
  const budgetOption = retry?.budget;
  const budget: RetryBudget | undefined =
    retry === undefined || budgetOption === false
      ? undefined
      : budgetOption !== undefined && 'acquire' in budgetOption
        ? budgetOption
        : createRetryBudget(budgetOption);
  const secrets = scrubbableSecrets([apiKey]);
  const normalizeOptions: NormalizeOptions = { policy: options.policy, secrets };
  const readOptions = { ...normalizeOptions, maxErrorBodyBytes: options.maxErrorBodyBytes ?? DEFAULT_MAX_ERROR_BODY_BYTES };
  const authHeaders = lowerKeys(adapter.auth(apiKey));
  const baseHeaders: Record<string, string> = { accept: 'application/json', ...lowerKeys(options.headers), ...authHeaders };

  const synthetic = (kind: ErrorKind, code: string, message: string, outcome: Outcome, status?: number) =>
    syntheticError(adapter, kind, code, message, { outcome, status }, normalizeOptions) as ErrorResult & { outcome: Outcome };

  async function run<T>(path: string, req: RequestOptions<T>): Promise<Result<T, ErrorResult>> {
    const method = (req.method ?? 'GET').toUpperCase();
    const signal = req.signal;
    const started = Date.now();
    const deadlineMs = req.deadlineMs ?? options.deadlineMs;
    const deadline = deadlineMs === undefined ? undefined : started + deadlineMs;
    const timeoutMs = req.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const attempts: AttemptRecord[] = [];
    let callOutcome: Outcome | undefined;

    const finish = (error: ErrorResult & { outcome?: Outcome }): Result<T, ErrorResult> => {
      const outcome = worstOutcome(callOutcome, error.outcome ?? 'not_sent');
      return err(scrubSecrets({ ...error, outcome, attempts }, secrets));
    };

    const prepared = prepare(method, path, req);
    if (prepared.isErr()) return finish(prepared.error);
    const { url, init } = prepared.value;
    const unsafeAllowed = init.headers['idempotency-key'] !== undefined || (req.retryUnsafe ?? retry?.retryUnsafe ?? false);

    let spent: number | undefined;
    for (let retries = 0; ; retries++) {
      if (signal?.aborted) return finish(synthetic('aborted', 'aborted', 'The caller aborted the request.', 'not_sent'));
      const remaining = deadline === undefined ? undefined : deadline - Date.now();
      if (remaining !== undefined && remaining <= 0) {
        return finish(synthetic('timeout', 'deadline_exceeded', `The call's deadline of ${deadlineMs} ms passed.`, 'not_sent'));
      }
      const result = await attempt<T>(url, init, req, timeoutMs, remaining, signal);
      if (result.isOk()) {
        budget?.recordSuccess(spent);
        return ok(result.value);
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
      if (!answer.retry) return finish(error);
      if (budget !== undefined) {
        const cost = budget.acquire(error.kind);
        if (cost === undefined) return finish(error);
        spent = cost;
      }
      record.delayMs = answer.delayMs;
      if (options.onRetry !== undefined) {
        try {
          options.onRetry(attempts.length, scrubSecrets({ ...error, outcome: callOutcome, attempts: [...attempts] }, secrets), answer.delayMs);
        } catch {
          // A logging hook that throws must not turn into a rejected call.
        }
      }
      if (!(await sleep(answer.delayMs, signal))) {
        return finish(synthetic('aborted', 'aborted', 'The caller aborted the request while it waited to retry.', 'not_sent'));
      }
    }
  }

  function prepare<T>(
    method: string,
    path: string,
    req: RequestOptions<T>,
  ): Result<{ url: string; init: RequestInit & { headers: Record<string, string> } }, ErrorResult & { outcome: Outcome }> {
    let url = baseUrl + path;
    const search = queryString(req.query);
    if (search !== '') url += (url.includes('?') ? '&' : '?') + search;
    if (!baseUrlValid) return err(synthetic('invalid_request', 'invalid_url', `Not a valid base URL: ${baseUrl}`, 'not_sent'));
    // The client's key always wins: a stray request header cannot swap the account.
    const headers: Record<string, string> =
      req.headers === undefined ? { ...baseHeaders } : { ...baseHeaders, ...lowerKeys(req.headers), ...authHeaders };
    if (req.idempotencyKey !== undefined) {
      headers['idempotency-key'] = req.idempotencyKey === true ? globalThis.crypto.randomUUID() : req.idempotencyKey;
    }
    const init: RequestInit & { headers: Record<string, string> } = { method, headers };
    if (req.body !== undefined) {
      if (method === 'GET' || method === 'HEAD') {
        return err(synthetic('invalid_request', 'body_not_allowed', `A ${method} request cannot have a body.`, 'not_sent'));
      }
      if (isRawBody(req.body)) {
        init.body = req.body;
      } else {
        init.body = JSON.stringify(req.body);
        headers['content-type'] ??= 'application/json';
      }
    }
    return ok({ url, init });
  }

  async function attempt<T>(
    url: string,
    init: RequestInit,
    req: RequestOptions<T>,
    timeoutMs: number,
    remainingMs: number | undefined,
    signal: AbortSignal | undefined,
  ): Promise<Attempt<T>> {
    const controller = new AbortController();
    const byDeadline = remainingMs !== undefined && remainingMs < timeoutMs;
    const timer = setTimeout(() => controller.abort(byDeadline ? DEADLINE : TIMEOUT), byDeadline ? remainingMs : timeoutMs);
    const onAbort = (): void => controller.abort(CALLER);
    signal?.addEventListener('abort', onAbort, { once: true });
    init.signal = controller.signal;
    try {
      let response: Response;
      try {
        response = await fetchImpl(url, init);
      } catch (thrown) {
        return err(interrupted(controller.signal) ?? networkError(thrown));
      }
      const result = await readResponse(adapter, response, { ...readOptions, schema: req.schema });
      if (result.isOk()) return ok(result.value);
      // A body cut off by our timer or the caller's signal is that, not a network fault.
      const cause = result.error.code === 'body_read_error' ? interrupted(controller.signal) : undefined;
      if (cause !== undefined) return err(cause);
      return err({ ...result.error, outcome: result.error.outcome ?? responseOutcome(result.error, response.status) });
    } catch (thrown) {
      return err(interrupted(controller.signal) ?? networkError(thrown));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }

    function interrupted(attemptSignal: AbortSignal): (ErrorResult & { outcome: Outcome }) | undefined {
      if (!attemptSignal.aborted) return undefined;
      const reason: unknown = attemptSignal.reason;
      if (reason === CALLER) return synthetic('aborted', 'aborted', 'The caller aborted the request.', 'unknown');
      if (reason === DEADLINE) return synthetic('timeout', 'deadline_exceeded', "The call's deadline passed during an attempt.", 'unknown');
      return synthetic('timeout', 'timeout', `The attempt took longer than ${timeoutMs} ms.`, 'unknown');
    }
  }

  function networkError(thrown: unknown): ErrorResult & { outcome: Outcome } {
    const code = errorCode(thrown);
    if (code === 'ERR_INVALID_URL') return synthetic('invalid_request', 'invalid_url', describe(thrown), 'not_sent');
    const message = describe(thrown);
    return synthetic('network', 'network_error', code !== undefined && !message.includes(code) ? `${message} (${code})` : message, thrownOutcome(thrown));
  }

  return {
    adapter,
    baseUrl,
    budget,
    request<T = unknown>(path: string, req: RequestOptions<T> = {}): ResultAsync<T, ErrorResult> {
      const promise = run(path, req).catch((thrown: unknown) =>
        err<T, ErrorResult>(
          scrubSecrets(
            { ...synthetic('unknown', 'internal_error', `faultline failed unexpectedly: ${describe(thrown)}`, 'unknown'), attempts: [] },
            secrets,
          ),
        ),
      );
      return new ResultAsync(promise);
    },
  };
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
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  return params.toString();
}

function isRawBody(body: unknown): body is BodyInit {
  return (
    typeof body === 'string' ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    (typeof FormData !== 'undefined' && body instanceof FormData) ||
    body instanceof URLSearchParams ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
  );
}
