import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClient, ErrorResultSchema, genrex } from '../../src/index.js';
import { createMockFetch, type MockAnswer } from '../../src/testing/index.js';
import { RUNS } from './arbitraries.js';

// Each scripted answer, and whether the server may have acted on the request when it came.
const ANSWERS: Record<string, { answer: MockAnswer; unknown: boolean }> = {
  ok: { answer: { status: 200, body: { success: true, id: 'doc_1' } }, unknown: false },
  created: { answer: { status: 201, body: { success: true, id: 'doc_1' } }, unknown: false },
  s503: { answer: { status: 503 }, unknown: false },
  s503ra0: { answer: { status: 503, headers: { 'retry-after': '0' } }, unknown: false },
  s429: { answer: { status: 429, headers: { 'retry-after': '0' }, body: { success: false, error: { code: 'RATE_LIMIT_EXCEEDED', message: 'slow' } } }, unknown: false },
  s429long: { answer: { status: 429, headers: { 'retry-after': '3600' } }, unknown: false },
  s408: { answer: { status: 408 }, unknown: false },
  s401: { answer: 'genrex/invalid-api-key', unknown: false },
  s500: { answer: { status: 500, text: '' }, unknown: true },
  s502html: { answer: 'genrex/bad-gateway-502-html', unknown: true },
  s504: { answer: { status: 504 }, unknown: true },
  jobFailed: { answer: 'genrex/job-failed-images', unknown: false },
  notJson: { answer: { status: 200, text: '<html>' }, unknown: true },
  refused: { answer: { network: 'refused' }, unknown: false },
  reset: { answer: { network: 'reset' }, unknown: true },
};

describe('client: properties', () => {
  it('for any scripted answers: resolves once, never rejects, at most maxRetries + 1 requests, no unsafe POST retry', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...Object.keys(ANSWERS)), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('GET', 'POST', 'PATCH', 'PUT', 'DELETE'),
        fc.boolean(),
        fc.integer({ min: 0, max: 4 }),
        async (names, method, withKey, maxRetries) => {
          // The list's last answer repeats, so the server never runs out of answers.
          const fetch = createMockFetch({ routes: { [`${method} /v1/document/x`]: names.map((n) => ANSWERS[n]!.answer) } });
          const client = createClient({
            adapter: genrex,
            apiKey: 'grx_sk_property_0123456789',
            fetch,
            retry: { maxRetries, baseDelayMs: 0, maxDelayMs: 0 },
          });
          let settled = 0;
          const result = await Promise.resolve(
            client.request('/document/x', { method, ...(method === 'GET' ? {} : { body: { prompt: 'x' } }), ...(withKey ? { idempotencyKey: 'k-1' } : {}) }),
          ).finally(() => {
            settled++;
          });
          expect(settled).toBe(1);
          const calls = fetch.calls.length;
          expect(calls).toBeGreaterThanOrEqual(1);
          expect(calls).toBeLessThanOrEqual(maxRetries + 1);
          if ((method === 'POST' || method === 'PATCH') && !withKey) {
            const played = [...names, ...Array.from({ length: 6 }, () => names.at(-1)!)];
            const firstUnknown = played.findIndex((n) => ANSWERS[n]!.unknown);
            if (firstUnknown >= 0) expect(calls).toBeLessThanOrEqual(firstUnknown + 1);
          }
          if (result.isErr()) {
            expect(ErrorResultSchema.safeParse(JSON.parse(JSON.stringify(result.error))).success).toBe(true);
            expect(result.error.attempts).toHaveLength(calls);
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);
});
