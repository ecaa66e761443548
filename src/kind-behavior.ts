import { match } from 'ts-pattern';
import { ERROR_KINDS, type ErrorKind } from './error-result.js';

/** What a kind means to the client and to re-emitters. */
export interface KindBehavior {
  /** The client retries it by itself (policy `retryable` and method safety permitting). */
  autoRetry: boolean;
  /** Which `status` the kind may carry. */
  status: 'any' | 'none' | '408';
  /** Always carries `step`. */
  needsStep: boolean;
  /** The status a service should answer with when it re-emits this failure (RFC 9457). */
  problemStatus: number;
  /** A short, stable title for the kind. */
  title: string;
}

const row = (autoRetry: boolean, problemStatus: number, title: string, extra: Partial<KindBehavior> = {}): KindBehavior => ({
  autoRetry,
  status: 'any',
  needsStep: false,
  problemStatus,
  title,
  ...extra,
});

/** The one place where kinds become behaviour; adding a kind fails to compile until it is handled here. */
export function describeKind(kind: ErrorKind): KindBehavior {
  return match(kind)
    .with('authentication', () => row(false, 502, 'Upstream authentication failed'))
    .with('permission', () => row(false, 502, 'Upstream permission denied'))
    .with('not_found', () => row(false, 404, 'Not found'))
    .with('invalid_request', () => row(false, 400, 'Invalid request'))
    .with('insufficient_credits', () => row(false, 402, 'Insufficient credits'))
    .with('conflict', () => row(false, 409, 'Conflict'))
    .with('rate_limited', () => row(true, 429, 'Rate limited'))
    .with('server', () => row(true, 502, 'Upstream server error'))
    // Resubmitting a job is the caller's decision: it may cost money and the status endpoint would answer the same.
    .with('generation_failed', () => row(false, 502, 'Generation failed', { needsStep: true }))
    .with('content_policy', () => row(false, 422, 'Content flagged by moderation'))
    .with('network', () => row(true, 502, 'Upstream unreachable', { status: 'none' }))
    .with('timeout', () => row(true, 504, 'Upstream timed out', { status: '408' }))
    .with('aborted', () => row(false, 499, 'Request cancelled', { status: 'none' }))
    .with('invalid_response', () => row(false, 502, 'Invalid upstream response'))
    .with('unknown', () => row(false, 502, 'Upstream error'))
    .exhaustive();
}

const TABLE = Object.fromEntries(ERROR_KINDS.map((kind) => [kind, describeKind(kind)])) as Record<ErrorKind, KindBehavior>;

/** `describeKind`, precomputed: the hot paths look kinds up instead of re-running the match. */
export function kindBehavior(kind: ErrorKind): KindBehavior {
  return TABLE[kind] ?? TABLE.unknown;
}
