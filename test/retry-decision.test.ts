import { describe, expect, it } from 'vitest';
import { backoffDelay, createRetryBudget, decideRetry, type ErrorResult, type RetryQuestion } from '../src/index.js';

const settings = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 60_000 };
const error = (extra: Partial<ErrorResult> & Pick<ErrorResult, 'kind'>): ErrorResult =>
  ({ provider: 'gen', code: 'x', message: 'm', hint: 'h', retryable: true, ...extra }) as ErrorResult;
const ask = (q: Partial<RetryQuestion>) =>
  decideRetry({ error: error({ kind: 'server', status: 503 }), retriesSoFar: 0, method: 'GET', callOutcome: 'rejected', unsafeAllowed: false, settings, random: () => 1, ...q });

describe('backoffDelay', () => {
  it('is full jitter over min(maxDelayMs, baseDelayMs * 2^n)', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, settings, () => 1))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(backoffDelay(3, settings, () => 0)).toBe(0);
    expect(backoffDelay(1, settings, () => 0.5)).toBe(1000);
    expect(backoffDelay(2000, settings, () => 1)).toBe(30000);
    expect(backoffDelay(1, settings, () => Number.NaN)).toBe(1000);
  });
});

describe('decideRetry', () => {
  it('auto-retries only rate_limited, server, network and timeout', () => {
    for (const kind of ['rate_limited', 'server', 'network', 'timeout'] as const) expect(ask({ error: error({ kind }) }).retry).toBe(true);
    for (const kind of ['authentication', 'permission', 'not_found', 'invalid_request', 'insufficient_credits', 'conflict', 'content_policy', 'aborted', 'invalid_response', 'unknown'] as const) {
      expect(ask({ error: error({ kind, retryable: true }) })).toEqual({ retry: false, reason: 'not_retryable' });
    }
    expect(ask({ error: error({ kind: 'generation_failed', step: 'images' } as Partial<ErrorResult> & { kind: 'generation_failed' }) })).toEqual({ retry: false, reason: 'not_retryable' });
    expect(ask({ error: error({ kind: 'server', retryable: false }) })).toEqual({ retry: false, reason: 'not_retryable' });
  });

  it("x-should-retry overrides the kind and the table, within maxRetries, Retry-After and the deadline", () => {
    expect(ask({ error: error({ kind: 'invalid_request', retryable: true, status: 400 }), shouldRetry: true }).retry).toBe(true);
    expect(ask({ error: error({ kind: 'conflict', retryable: false, status: 409 }), shouldRetry: true }).retry).toBe(true);
    expect(ask({ error: error({ kind: 'server', status: 503 }), shouldRetry: false })).toEqual({ retry: false, reason: 'not_retryable' });
    expect(ask({ error: error({ kind: 'invalid_request', status: 400 }), shouldRetry: true, retriesSoFar: 3 })).toEqual({ retry: false, reason: 'max_retries' });
    expect(ask({ error: error({ kind: 'invalid_request', status: 400, retryAfterMs: 120_000 }), shouldRetry: true })).toEqual({ retry: false, reason: 'retry_after_too_long' });
    expect(ask({ error: error({ kind: 'invalid_request', status: 400 }), shouldRetry: true, remainingMs: 10 })).toEqual({ retry: false, reason: 'deadline' });
  });

  it('never retries a POST or PATCH the server may have acted on, unless allowed', () => {
    expect(ask({ method: 'POST', callOutcome: 'unknown' })).toEqual({ retry: false, reason: 'unsafe_method' });
    expect(ask({ method: 'PATCH', callOutcome: 'unknown' })).toEqual({ retry: false, reason: 'unsafe_method' });
    expect(ask({ method: 'POST', callOutcome: 'unknown', unsafeAllowed: true }).retry).toBe(true);
    expect(ask({ method: 'POST', callOutcome: 'rejected' }).retry).toBe(true);
    expect(ask({ method: 'POST', callOutcome: 'not_sent' }).retry).toBe(true);
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']) expect(ask({ method, callOutcome: 'unknown' }).retry).toBe(true);
  });

  it('treats Retry-After as a floor, above maxDelayMs too, and gives up above maxRetryAfterMs', () => {
    expect(ask({ error: error({ kind: 'rate_limited', retryAfterMs: 45_000 }), random: () => 0 })).toEqual({ retry: true, delayMs: 45_000 });
    expect(ask({ error: error({ kind: 'rate_limited', retryAfterMs: 10 }), random: () => 1 })).toEqual({ retry: true, delayMs: 1000 });
    expect(ask({ error: error({ kind: 'rate_limited', retryAfterMs: 60_001 }) })).toEqual({ retry: false, reason: 'retry_after_too_long' });
  });

  it('stops at maxRetries and before a wait that would overrun the deadline', () => {
    expect(ask({ retriesSoFar: 3 })).toEqual({ retry: false, reason: 'max_retries' });
    expect(ask({ remainingMs: 999 })).toEqual({ retry: false, reason: 'deadline' });
    expect(ask({ remainingMs: 1001 }).retry).toBe(true);
  });
});

describe('createRetryBudget', () => {
  it('spends 5 per retry and 10 per timeout retry, refills on success, never above capacity', () => {
    const budget = createRetryBudget({ capacity: 20 });
    expect(budget.acquire('timeout')).toBe(10);
    expect(budget.acquire('server')).toBe(5);
    expect(budget.acquire('server')).toBe(5);
    expect(budget.acquire('server')).toBeUndefined();
    budget.recordSuccess(undefined);
    expect(budget.available).toBe(1);
    budget.recordSuccess(5);
    expect(budget.available).toBe(6);
    for (let i = 0; i < 100; i++) budget.recordSuccess(undefined);
    expect(budget.available).toBe(20);
  });
});
