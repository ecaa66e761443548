import { err, ok, type Result } from 'neverthrow';
import type { Adapter, JobState, JobStatus } from '../classify/define-adapter.js';
import { type NormalizeOptions, normalizeParsed } from '../classify/normalize.js';
import { matchSchema } from '../classify/from-response.js';
import type { Schema } from '../classify/standard-schema.js';
import type { AttemptRecord, ErrorKind, ErrorResult, Outcome } from '../errors/error-result.js';
import { worstOutcome } from '../http/outcome.js';
import { MAX_TIMER_MS } from '../http/retry-after.js';
import type { Failure } from './attempt.js';
import { unitRandom } from './backoff.js';
import type { QueryValue } from './build-request.js';
import { type RetrySettings, transientStop } from './retry-decision.js';
import { verdictOf } from '../classify/server-verdict.js';
import type { CallInfo } from './observer.js';
import { sleep } from './sleep.js';

/** What `onProgress` is told after a poll whose state or step changed. */
export interface JobProgress {
  state: JobState;
  step?: string;
  /** Polls made so far, this one included. */
  polls: number;
  /** The status body of this poll. */
  body: unknown;
}

export interface WaitForJobOptions<T = unknown> {
  /** Any Standard Schema for the finished job's body; a mismatch is `invalid_response`. */
  schema?: Schema<T>;
  /** The first wait between polls, in ms. Default 1000. */
  intervalMs?: number;
  /** The longest wait between polls. Default 15000. */
  maxIntervalMs?: number;
  /** The whole wait. Default 600000 (10 minutes). */
  deadlineMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
  /** Where the job is, from a status body; overrides the adapter's job facet. */
  state?: (body: unknown) => JobStatus;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
}

/**
 * @internal How a poll joins the wait: its attempts go to the wait's list; `once`: no retries;
 * `until`: no retry sleep past it (an attempt in flight is bounded by its own timeout only).
 */
export interface PollOptions {
  attempts: AttemptRecord[];
  once: boolean;
  until: number;
  /** The wait's call, for the hooks: each poll's attempts are the wait's. */
  call?: CallInfo;
}

/** @internal What the wait needs from its client. */
export interface JobContext {
  adapter: Adapter;
  poll: (path: string, req: { method: 'GET'; query?: Record<string, QueryValue>; headers?: Record<string, string>; signal?: AbortSignal }, poll: PollOptions) => Promise<Result<unknown, ErrorResult>>;
  fail: (kind: ErrorKind, code: string, message: string, outcome: Outcome, status?: number) => Failure;
  normalizeOptions: NormalizeOptions;
  settings: RetrySettings;
  random: (() => number) | undefined;
  call?: CallInfo;
}

const DEFAULTS = { intervalMs: 1000, maxIntervalMs: 15_000, deadlineMs: 600_000 };

/**
 * Polls until the job ends. The first poll is made at once; the wait after poll k is random in
 * [intervalMs, min(maxIntervalMs, intervalMs * 2^(k-1))], never shorter than a Retry-After and
 * never past the deadline, where one last poll is made. A poll that fails with a retryable error
 * does not end the wait; any other failure does. A failed job is never resubmitted.
 */
export async function waitForJob<T>(ctx: JobContext, path: string, options: WaitForJobOptions<T>): Promise<Result<T, ErrorResult>> {
  const { adapter } = ctx;
  const intervalMs = number(options.intervalMs, DEFAULTS.intervalMs);
  const maxIntervalMs = Math.max(intervalMs, number(options.maxIntervalMs, DEFAULTS.maxIntervalMs));
  const deadlineMs = number(options.deadlineMs, DEFAULTS.deadlineMs);
  const { signal, onProgress } = options;
  const read = options.state ?? ((body: unknown) => adapter.readJob(body));
  const random = ctx.random ?? Math.random;
  const deadline = Date.now() + deadlineMs;
  const attempts: AttemptRecord[] = [];
  const end = (error: ErrorResult): Result<T, ErrorResult> => {
    let outcome: Outcome | undefined;
    for (const a of attempts) if (a.outcome !== undefined) outcome = worstOutcome(outcome, a.outcome);
    return err({ ...error, outcome: worstOutcome(outcome, error.outcome ?? 'not_sent'), attempts });
  };

  let polls = 0;
  let last: JobStatus | undefined;
  const progress = (status: JobStatus, body: unknown): void => {
    if (last === undefined || status.state !== last.state || status.step !== last.step) {
      try {
        onProgress?.(status.step === undefined ? { state: status.state, polls, body } : { state: status.state, step: status.step, polls, body });
      } catch {
        // A progress hook that throws must not end the wait.
      }
    }
    last = status;
  };
  for (;;) {
    if (signal?.aborted === true) return end(ctx.fail('aborted', 'aborted', 'The caller aborted the wait.', 'not_sent'));
    const remainingMs = deadline - Date.now();
    // The poll at the deadline is the last one, made once; before it, a poll may retry within the deadline.
    const atDeadline = remainingMs <= 0;
    const req = { method: 'GET' as const, query: options.query, headers: options.headers, signal };
    const result = await ctx.poll(path, req, { attempts, once: atDeadline, until: deadline, call: ctx.call });
    polls++;
    let floorMs = 0;
    if (result.isErr()) {
      const error = result.error;
      if (error.status !== undefined && error.status >= 200 && error.status < 300) {
        // A 2xx whose body reports failure: the job failed, and the ErrorResult is classify's.
        progress({ state: 'failed', ...(error.step === undefined ? {} : { step: error.step }) }, error.raw);
        return end(error);
      }
      // An abort, a 401, 403, 404, an unreadable body, a Retry-After too long: the wait is over.
      if (transientStop(error, ctx.settings, verdictOf(error)) !== undefined) return end(error);
      floorMs = error.retryAfterMs ?? 0;
    } else {
      const body = result.value;
      const status = safeRead(read, body);
      progress(status, body);
      if (status.state === 'failed') {
        // The body the policy table reads: the same ErrorResult `classify` gives for it.
        const failed = normalizeParsed(adapter, 200, undefined, body, ctx.normalizeOptions, false, true);
        return end(status.step !== undefined && failed.step === 'unknown' ? { ...failed, step: status.step } : failed);
      }
      if (status.state === 'succeeded') {
        if (options.schema === undefined) return ok(body as T);
        const matched = await matchSchema(adapter, options.schema, body, 200, ctx.normalizeOptions);
        return matched.isOk() ? matched : end(matched.error);
      }
    }
    const leftMs = deadline - Date.now();
    if (atDeadline || leftMs <= 0) {
      const where = last === undefined ? 'no status was read' : `it was ${last.state}${last.step === undefined ? '' : ` at ${last.step}`}`;
      // The polls were answered and a status read acts on nothing: `rejected`, unless a poll was less sure.
      const timeout = ctx.fail('timeout', 'job_deadline_exceeded', `The job did not finish within ${deadlineMs} ms; ${where}.`, 'rejected');
      return end(last?.step === undefined ? timeout : { ...timeout, step: last.step });
    }
    const ceiling = Math.min(maxIntervalMs, intervalMs * 2 ** Math.min(polls - 1, 52));
    const jittered = intervalMs + Math.floor(unitRandom(random) * (ceiling - intervalMs));
    const waitMs = Math.min(Math.max(jittered, floorMs), leftMs, MAX_TIMER_MS);
    const record = attempts[attempts.length - 1];
    if (record !== undefined) record.delayMs = waitMs;
    if (!(await sleep(waitMs, signal))) return end(ctx.fail('aborted', 'aborted', 'The caller aborted the wait.', 'not_sent'));
  }
}

function safeRead(read: (body: unknown) => JobStatus, body: unknown): JobStatus {
  try {
    const status = read(body);
    return status !== null && typeof status === 'object' && typeof status.state === 'string' ? status : { state: 'pending' };
  } catch {
    return { state: 'pending' };
  }
}

function number(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && value >= 0 && !Number.isNaN(value) ? value : fallback;
}
