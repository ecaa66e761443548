import { describe, expect, it } from 'vitest';
import { genrex, normalize, toProblemDetails } from '../src/index.js';

describe('toProblemDetails', () => {
  const key = 'grx_sk_live_0123456789';
  const error = {
    ...normalize(genrex, { status: 429, headers: { 'retry-after': '30', 'x-request-id': 'req_9' }, body: { success: false, error: { code: 'RATE_LIMIT_EXCEEDED', message: `slow down ${key}` } } }, { secrets: [key] }),
    outcome: 'rejected' as const,
  };

  it('maps an ErrorResult to RFC 9457 members and extensions, no provider text by default', () => {
    const problem = toProblemDetails(error, { instance: '/jobs/1' });
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Too Many Requests',
      status: 429,
      detail: error.hint,
      instance: '/jobs/1',
      kind: 'rate_limited',
      code: 'RATE_LIMIT_EXCEEDED',
      provider: 'genrex',
      retryable: true,
      retryAfterMs: 30_000,
      requestId: 'req_9',
      outcome: 'rejected',
    });
    expect(JSON.stringify(problem)).not.toContain('slow down');
  });

  it('uses typeBase and kind titles, a status of your choosing, and opt-in provider text', () => {
    const failed = normalize(genrex, { status: 200, body: { success: false, status: 'failed', error: { step: 'images', code: 'IMAGE_GENERATION_ERROR', message: 'no' } } });
    const problem = toProblemDetails(failed, { typeBase: 'https://errors.example.com/', status: () => 503, includeMessage: true, includeRaw: true });
    expect(problem).toMatchObject({ type: 'https://errors.example.com/generation_failed', title: 'Generation failed', status: 503, step: 'images', providerMessage: 'no' });
    expect(problem.raw).toMatchObject({ status: 'failed' });
    expect(toProblemDetails(normalize(genrex, { status: 401, body: {} })).status).toBe(502);
    expect(JSON.stringify(toProblemDetails(error, { includeMessage: true }))).not.toContain(key);
  });

  it('answers for a kind it does not know (a hostile deserialized object) as for unknown', () => {
    const error = normalize(genrex, { status: 500, body: {} });
    for (const kind of ['constructor', '__proto__', 'toString', 'nonsense']) {
      const problem = toProblemDetails({ ...error, kind } as unknown as typeof error, { typeBase: 'https://e.example/' });
      expect(problem).toMatchObject({ status: 502, title: 'Upstream error' });
    }
  });
});
