import { backoffDelay } from './backoff.js';
import type { ErrorResult, Outcome } from '../errors/error-result.js';
import { kindBehavior } from '../errors/kind-behavior.js';

export interface RetrySettings {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
}

export interface RetryQuestion {
  /** The error the last attempt ended with. */
  error: ErrorResult;
  /** Retries made so far (0 after the first attempt). */
  retriesSoFar: number;
  method: string;
  /** The most uncertain outcome of all attempts so far. */
  callOutcome: Outcome;
  /** An Idempotency-Key is sent, or the caller opted in to retrying unsafe methods. */
  unsafeAllowed: boolean;
  settings: RetrySettings;
  /** Time left before the call's deadline; `undefined` for no deadline. */
  remainingMs?: number;
  /** The server's `x-should-retry` on that answer: `true` retries it whatever its kind, `false` never. */
  shouldRetry?: boolean;
  random?: () => number;
}

export type RetryStop =
  | 'not_retryable'
  | 'unsafe_method'
  | 'max_retries'
  | 'retry_after_too_long'
  | 'deadline';

export type RetryAnswer = { retry: true; delayMs: number } | { retry: false; reason: RetryStop };

// Methods whose repetition the server may treat as a new action (RFC 9110 section 9.2.2).
const UNSAFE = new Set(['POST', 'PATCH']);

/**
 * Whether to retry after a failed attempt, and after how long. Pure: the request loop asks,
 * then spends its budget and sleeps. A paid POST is never retried once the server may have
 * acted on it, unless the caller made it idempotent.
 */
export function decideRetry(q: RetryQuestion): RetryAnswer {
  const { error, settings } = q;
  const transient = transientStop(error, settings, q.shouldRetry);
  if (transient === 'not_retryable') return { retry: false, reason: transient };
  if (UNSAFE.has(q.method) && q.callOutcome === 'unknown' && !q.unsafeAllowed) return { retry: false, reason: 'unsafe_method' };
  if (q.retriesSoFar >= settings.maxRetries) return { retry: false, reason: 'max_retries' };
  if (transient !== undefined) return { retry: false, reason: transient };
  const floor = error.retryAfterMs;
  // The server's Retry-After is a floor, even above maxDelayMs: never retry earlier than asked.
  const delayMs = Math.max(floor ?? 0, backoffDelay(q.retriesSoFar, settings, q.random));
  if (q.remainingMs !== undefined && delayMs >= q.remainingMs) return { retry: false, reason: 'deadline' };
  return { retry: true, delayMs };
}

/**
 * @internal Why waiting cannot get past this error, or `undefined` when it can: the kinds the
 * client retries, when the policy calls them retryable and a Retry-After fits `maxRetryAfterMs`.
 * Shared by the retry decision and `waitForJob`, which asks the same of a failed poll. A server's
 * `x-should-retry` overrides both the kind and the table: `true` makes any answer worth waiting out.
 */
export function transientStop(
  error: ErrorResult,
  settings: RetrySettings,
  shouldRetry?: boolean,
): 'not_retryable' | 'retry_after_too_long' | undefined {
  if (shouldRetry === false || (shouldRetry !== true && (!kindBehavior(error.kind).autoRetry || !error.retryable))) return 'not_retryable';
  return error.retryAfterMs !== undefined && error.retryAfterMs > settings.maxRetryAfterMs ? 'retry_after_too_long' : undefined;
}
