import { describe, expect, it } from 'vitest';
import { ErrorResultSchema } from '../src/index.js';

const base = { provider: 'gen', code: 'x', message: 'm', hint: 'h', retryable: false };

describe('ErrorResultSchema', () => {
  it('accepts every kind with its shape', () => {
    expect(ErrorResultSchema.safeParse({ ...base, kind: 'generation_failed', step: 'images', status: 200 }).success).toBe(true);
    expect(ErrorResultSchema.safeParse({ ...base, kind: 'network', outcome: 'not_sent' }).success).toBe(true);
    expect(ErrorResultSchema.safeParse({ ...base, kind: 'timeout', status: 408 }).success).toBe(true);
    expect(
      ErrorResultSchema.safeParse({
        ...base,
        kind: 'server',
        status: 503,
        attempts: [{ kind: 'server', status: 503, code: 'http_503', outcome: 'rejected', delayMs: 10 }, { kind: 'ok' }],
      }).success,
    ).toBe(true);
  });

  it.each([
    ['unknown kind', { ...base, kind: 'weird' }],
    ['missing kind', { ...base }],
    ['generation_failed without step', { ...base, kind: 'generation_failed' }],
    ['network with a status', { ...base, kind: 'network', status: 502 }],
    ['aborted with a status', { ...base, kind: 'aborted', status: 499 }],
    ['timeout with a 504', { ...base, kind: 'timeout', status: 504 }],
    ['retryable as string', { ...base, kind: 'server', retryable: 'yes' }],
    ['negative retryAfterMs', { ...base, kind: 'rate_limited', retryAfterMs: -1 }],
    ['bad outcome', { ...base, kind: 'server', outcome: 'maybe' }],
    ['status out of range', { ...base, kind: 'server', status: 700 }],
    ['empty code', { ...base, kind: 'server', code: '' }],
    ['not an object', 'server'],
    ['null', null],
  ])('rejects %s', (_, value) => {
    expect(ErrorResultSchema.safeParse(value).success).toBe(false);
  });
});
