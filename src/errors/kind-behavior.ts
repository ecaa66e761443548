import { match } from 'ts-pattern';
import { ERROR_KINDS, type ErrorKind } from './error-result.js';

/** What a kind means to the client and to the shape of its ErrorResult. */
export interface KindBehavior {
  /** The client retries it by itself (policy `retryable` and method safety permitting). */
  autoRetry: boolean;
  /** Which `status` the kind may carry. */
  status: 'any' | 'none' | '408';
  /** Always carries `step`. */
  needsStep: boolean;
  /** An attempt ending in it is an outage answer: the circuit breaker counts it. */
  outage: boolean;
  /** With a Retry-After, it pauses the account (when the client's rate-limit pause is on). */
  pauses: boolean;
}

const row = (autoRetry: boolean, status: KindBehavior['status'] = 'any', needsStep = false, outage = autoRetry, pauses = false): KindBehavior =>
  ({ autoRetry, status, needsStep, outage, pauses });

/** The one place where kinds become behaviour; adding a kind fails to compile until it is handled here. */
export function describeKind(kind: ErrorKind): KindBehavior {
  return match(kind)
    // A 429 is the server answering: it resets the breaker's count rather than adding to it.
    .with('rate_limited', () => row(true, 'any', false, false, true))
    .with('server', () => row(true))
    .with('network', () => row(true, 'none'))
    .with('timeout', () => row(true, '408'))
    .with('aborted', () => row(false, 'none'))
    // Resubmitting a job is the caller's decision: it may cost money and the status endpoint would answer the same.
    .with('generation_failed', () => row(false, 'any', true))
    .with(
      'authentication',
      'permission',
      'not_found',
      'invalid_request',
      'insufficient_credits',
      'conflict',
      'content_policy',
      'invalid_response',
      'unknown',
      () => row(false),
    )
    .exhaustive();
}

const TABLE = Object.fromEntries(ERROR_KINDS.map((kind) => [kind, describeKind(kind)])) as Record<ErrorKind, KindBehavior>;

/** `describeKind`, precomputed: the hot paths look kinds up instead of re-running the match. */
export function kindBehavior(kind: ErrorKind): KindBehavior {
  return TABLE[kind] ?? TABLE.unknown;
}
