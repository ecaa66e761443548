import { err, type Result, ResultAsync } from 'neverthrow';
import type { Schema } from '../classify/standard-schema.js';
import { attempt, type AttemptContext, type Failure } from './attempt.js';
import { keepVerdict, verdictOf } from '../classify/server-verdict.js';
import { type BuildFailure, buildRequest, type BuiltRequest, type QueryValue, type RequestBase } from './build-request.js';
import { checkAdapter, checkAuth, checkBaseUrl, checkDelay, checkFunction, checkHeaders, checkNumber, lowerKeys, refuse } from './client-options.js';
import type { Adapter } from '../classify/define-adapter.js';
import type { AttemptRecord, ErrorKind, ErrorResult, Outcome } from '../errors/error-result.js';
import type { FromResponseOptions } from '../classify/from-response.js';
import { describeThrown } from '../http/describe-thrown.js';
import { type NormalizeOptions, syntheticError } from '../classify/normalize.js';
import { worstOutcome } from '../http/outcome.js';
import type { Policy } from '../policy/policy.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_ERROR_BODY_BYTES } from '../http/read-bounded-text.js';
import type { RetryBudget, RetryBudgetOptions } from './retry-budget.js';
import { type BreakerOptions, checkBreaker, checkBudget, checkHooks, checkPause, checkStore, storeScope } from './health-options.js';
import { type CallInfo, type ClientHooks, createObserver } from './observer.js';
import { secretScrubber } from '../classify/scrub-secrets.js';
import { type CallHealth, providerHealth } from './provider-health.js';
import type { StateStore } from '../store/state-store.js';
import { decideRetry, type RetrySettings } from './retry-decision.js';
import { scrubbableSecrets } from '../classify/scrub-secrets.js';
import { sleep } from './sleep.js';
import { type JobContext, type PollOptions, waitForJob, type WaitForJobOptions } from './wait-for-job.js';

export type { QueryValue };

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
  /**
   * The retry quota, a token bucket per account kept in the client's store: its options, or
   * `false` for none. (A standalone `createRetryBudget()` is still accepted; sharing a store is
   * the way to share a budget now.)
   */
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
  /** Per attempt, headers and body included. Default 30000; 0 or Infinity for none. Delays above 2^31-1 ms are clamped. */
  timeoutMs?: number;
  /** For the whole call: attempts and waits. Default none. */
  deadlineMs?: number;
  retry?: RetryOptions | false;
  /** Error bodies are read up to this many bytes; the rest is cancelled. Default 65536. */
  maxErrorBodyBytes?: number;
  /** 2xx bodies larger than this many decoded bytes are `invalid_response`, code `body_too_large`. Default 32 MiB. */
  maxBodyBytes?: number;
  /** From `createPolicy(...)`; defaults to the shared table. */
  policy?: Policy;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Called before each retry with the 1-based number of the attempt that failed, its error and the wait. */
  onRetry?: (attempt: number, error: ErrorResult, delayMs: number) => void;
  /**
   * A circuit breaker per provider (adapter and `baseUrl` origin): after `failureThreshold`
   * outage answers in a row, requests end unsent as `server` / `circuit_open` until one probe
   * succeeds. Default off; `true` for 5 failures, 5 s open, doubling up to 60 s.
   */
  breaker?: boolean | BreakerOptions;
  /**
   * A 429 with Retry-After pauses the account: later requests wait it out when it fits
   * `maxRetryAfterMs` and their deadline, else end unsent as `rate_limited` / `rate_limit_pause`.
   * Default off.
   */
  rateLimitPause?: boolean;
  /** Where the budget, breaker and pause live. Default: this client's own `createMemoryStore()`; share one to share them. */
  store?: StateStore;
  hooks?: ClientHooks;
}

export interface RequestOptions<T = unknown> {
  /** Default GET. */
  method?: string;
  /** Appended to the URL, URL-encoded; `undefined` and `null` values are left out. */
  query?: Record<string, QueryValue>;
  /** A string, Blob, FormData, URLSearchParams, bytes or a stream is sent as is; anything else as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Validates the 2xx body and types the `ok` value; a mismatch is `invalid_response`. */
  schema?: Schema<T>;
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key`, the same on every attempt; lets POST and PATCH retry. `true` makes one up; a blank one is refused. */
  idempotencyKey?: string | true;
  /** Retry this POST or PATCH even when the server may have acted on it. */
  retryUnsafe?: boolean;
  timeoutMs?: number;
  deadlineMs?: number;
}

export interface Client {
  readonly adapter: Adapter;
  readonly baseUrl: string;
  /** Tokens left in the client's retry budget, as this process knows them; `undefined` without one. */
  readonly budget: { readonly available: number } | undefined;
  /** Never rejects: every failure is an `err(ErrorResult)` carrying `outcome` and `attempts`. */
  request<T = unknown>(path: string, options?: RequestOptions<T>): ResultAsync<T, ErrorResult>;
  /**
   * Polls a job's status endpoint (GET) until it finishes: `ok(body)` for a finished job, else the
   * failed job's ErrorResult, a `timeout` past `deadlineMs`, or the error that ended the wait.
   */
  waitForJob<T = unknown>(path: string, options?: WaitForJobOptions<T>): ResultAsync<T, ErrorResult>;
}


/** A `fetch` wrapper for one provider that returns Results, retries safely and never rejects. */
export function createClient(options: ClientOptions): Client {
  if (options === null || typeof options !== 'object') throw new TypeError('faultline: createClient takes an options object');
  const adapter = checkAdapter(options.adapter);
  const authHeaders = checkAuth(adapter, options.apiKey);
  if (options.baseUrl === undefined && adapter.baseUrl === undefined) refuse('baseUrl', `is required: the ${adapter.name} adapter has no default`);
  const baseUrl = checkBaseUrl(options.baseUrl ?? adapter.baseUrl);
  const fetchImpl = checkFunction<ClientOptions['fetch']>('fetch', options.fetch) ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  const onRetry = checkFunction<ClientOptions['onRetry']>('onRetry', options.onRetry);
  const defaultTimeoutMs = checkDelay('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS);
  const defaultDeadlineMs = options.deadlineMs === undefined ? undefined : checkNumber('deadlineMs', options.deadlineMs, 0, { infinite: true });
  if (options.retry !== undefined && options.retry !== false && (options.retry === null || typeof options.retry !== 'object')) {
    refuse('retry', 'must be retry options or false');
  }
  const retry = options.retry === false ? undefined : (options.retry ?? {});
  const settings: RetrySettings = {
    maxRetries: retry === undefined ? 0 : Math.floor(checkNumber('retry.maxRetries', retry.maxRetries, 3, { infinite: true })),
    baseDelayMs: checkDelay('retry.baseDelayMs', retry?.baseDelayMs, 1000),
    maxDelayMs: checkDelay('retry.maxDelayMs', retry?.maxDelayMs, 30_000),
    maxRetryAfterMs: checkDelay('retry.maxRetryAfterMs', retry?.maxRetryAfterMs, 60_000),
  };
  const random = checkFunction<() => number>('retry.random', retry?.random);
  const maxErrorBodyBytes = checkNumber('maxErrorBodyBytes', options.maxErrorBodyBytes, DEFAULT_MAX_ERROR_BODY_BYTES, { infinite: true });
  const maxBodyBytes = checkNumber('maxBodyBytes', options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES, { infinite: true });
  const secrets = scrubbableSecrets([options.apiKey]);
  // Every ErrorResult is scrubbed once, where it is made; what the client adds (outcome,
  // attempts built from those results) carries nothing new to scrub.
  const normalizeOptions: NormalizeOptions = { policy: options.policy, secrets };
  const readOptions: FromResponseOptions<unknown> = { ...normalizeOptions, maxErrorBodyBytes, maxBodyBytes };
  const base: RequestBase = {
    baseUrl,
    headers: { accept: 'application/json', ...lowerKeys(adapter.headers), ...checkHeaders(options.headers), ...authHeaders },
    authHeaders,
    retryUnsafe: retry?.retryUnsafe ?? false,
  };
  const fail = (kind: ErrorKind, code: string, message: string, outcome: Outcome, status?: number, retryAfterMs?: number): Failure =>
    syntheticError(adapter, kind, code, message, { outcome, status, retryAfterMs }, normalizeOptions) as Failure;
  const hooks = checkHooks(options.hooks);
  const health = providerHealth({
    store: checkStore(options.store),
    scope: storeScope(adapter, baseUrl, options.apiKey),
    breaker: checkBreaker(options.breaker),
    pause: checkPause(options.rateLimitPause),
    budget: retry === undefined ? undefined : checkBudget(retry.budget),
    maxRetryAfterMs: settings.maxRetryAfterMs,
    onBreakerChange: hooks.onBreakerChange,
    fail,
  });
  const ctx: AttemptContext = { adapter, fetch: fetchImpl, readOptions, fail };
  const observer = createObserver(hooks, adapter.name, secretScrubber(secrets));
  const abortedBeforeSending = (): Failure => fail('aborted', 'aborted', 'The caller aborted the request.', 'not_sent');

  // `poll`: a job's status request, whose attempts join the wait's list (successes too), retried
  // or not as the wait says.
  async function run<T>(path: string, req: RequestOptions<T>, poll?: PollOptions): Promise<Result<T, ErrorResult>> {
    const built = buildRequest(base, path, req);
    // A job's polls belong to the wait's call; a request is a call of its own.
    const call = poll?.call ?? observer?.begin('url' in built ? built.method : String(req.method ?? 'GET').toUpperCase(), 'url' in built ? built.url : baseUrl, false);
    if (call === undefined || poll !== undefined) return send(built, req, poll, call);
    const result = await send(built, req, poll, call);
    observer!.end(call, result.isErr() ? result.error : undefined);
    return result;
  }

  async function send<T>(built: BuiltRequest | BuildFailure, req: RequestOptions<T>, poll: PollOptions | undefined, call: CallInfo | undefined): Promise<Result<T, ErrorResult>> {
    const attempts: AttemptRecord[] = poll?.attempts ?? [];
    let callOutcome: Outcome | undefined;
    const finish = (error: ErrorResult & { outcome?: Outcome }): Result<T, ErrorResult> =>
      err(keepVerdict(error, { ...error, outcome: worstOutcome(callOutcome, error.outcome ?? 'not_sent'), attempts }));

    if (!('url' in built)) return finish(fail('invalid_request', built.code, built.message, 'not_sent'));
    const timeoutMs = requestNumber(req.timeoutMs, defaultTimeoutMs);
    const deadlineMs = requestNumber(req.deadlineMs, defaultDeadlineMs);
    if (Number.isNaN(timeoutMs) || Number.isNaN(deadlineMs)) {
      return finish(fail('invalid_request', 'invalid_option', 'timeoutMs and deadlineMs must be non-negative numbers.', 'not_sent'));
    }
    const deadline = deadlineMs === undefined || deadlineMs === Infinity ? undefined : Date.now() + deadlineMs;
    const { method, signal, unsafeAllowed, replayable } = built;
    // A job's poll sleeps for a retry only within the wait's deadline.
    const retryUntil = poll?.until ?? deadline;

    const callHealth: CallHealth = {};
    for (let retries = 0; ; retries++) {
      if (signal?.aborted) return finish(abortedBeforeSending());
      const remainingMs = deadline === undefined ? undefined : deadline - Date.now();
      if (remainingMs !== undefined && remainingMs <= 0) {
        return finish(fail('timeout', 'deadline_exceeded', `The call's deadline of ${deadlineMs} ms passed.`, 'not_sent'));
      }
      if (health.guards) {
        let refused = health.admit(callHealth, timeoutMs, remainingMs, signal);
        if (refused instanceof Promise) refused = await refused;
        if (refused !== undefined) return finish(refused);
      }
      const n = call === undefined ? 0 : observer!.attemptStart(call, retries);
      const result = await attempt<T>(ctx, built, req.schema, timeoutMs, remainingMs);
      if (call !== undefined) observer!.attemptEnd(call, n, retries, built.status, result.isErr() ? result.error : undefined);
      if (result.isOk()) {
        health.record(callHealth, undefined, false);
        if (poll !== undefined) attempts.push({ kind: 'ok' });
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
        settings: poll?.once === true ? once : settings,
        remainingMs: retryUntil === undefined ? undefined : retryUntil - Date.now(),
        random,
        shouldRetry: verdictOf(error),
      });
      const retrying = answer.retry && replayable;
      let paid = health.record(callHealth, error, retrying);
      if (typeof paid !== 'boolean') paid = await paid;
      if (!retrying || !paid) return finish(error);
      record.delayMs = answer.delayMs;
      const history = { ...error, outcome: callOutcome, attempts: [...attempts] };
      try {
        onRetry?.(attempts.length, history, answer.delayMs);
      } catch {
        // A logging hook that throws must not turn into a rejected call.
      }
      if (call !== undefined) observer!.retry(call, n, answer.delayMs, history);
      if (!(await sleep(answer.delayMs, signal))) {
        return finish(abortedBeforeSending());
      }
    }
  }

  const once: RetrySettings = { ...settings, maxRetries: 0 };
  const jobs: JobContext = { adapter, poll: run, fail, normalizeOptions, settings, random };
  // A job wait is one call for the hooks: its polls and their retries are its attempts.
  async function job<T>(path: string, options: WaitForJobOptions<T>): Promise<Result<T, ErrorResult>> {
    const call = observer?.begin('GET', `${baseUrl}${String(path).startsWith('/') ? '' : '/'}${String(path)}`, true);
    if (call === undefined) return waitForJob(jobs, path, options);
    const result = await waitForJob({ ...jobs, call }, path, options);
    observer!.end(call, result.isErr() ? result.error : undefined);
    return result;
  }
  // The promise never rejects: a bug of faultline's own is an err too.
  const never = <T>(promise: Promise<Result<T, ErrorResult>>): ResultAsync<T, ErrorResult> =>
    new ResultAsync(
      promise.catch((thrown: unknown) =>
        err<T, ErrorResult>({ ...fail('unknown', 'internal_error', `faultline failed unexpectedly: ${describeThrown(thrown)}`, 'unknown'), attempts: [] }),
      ),
    );

  return {
    adapter,
    baseUrl,
    get budget() {
      return health.budget;
    },
    request: <T = unknown>(path: string, req: RequestOptions<T> = {}) => never(run(path, req ?? {})),
    waitForJob: <T = unknown>(path: string, options: WaitForJobOptions<T> = {}) => never(job(path, options ?? {})),
  };
}

// A per-request timeout or deadline: the client's when absent, NaN when unusable (the request is refused).
function requestNumber(value: unknown, fallback: number): number;
function requestNumber(value: unknown, fallback: number | undefined): number | undefined;
function requestNumber(value: unknown, fallback: number | undefined): number | undefined {
  if (value === undefined) return fallback;
  return typeof value === 'number' && value >= 0 ? value : Number.NaN;
}
