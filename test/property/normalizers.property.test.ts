import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, type ErrorResult, ErrorResultSchema, fromResponse, gen, genrex, normalize, policyTable } from '../../src/index.js';
import { anyBody, anyHeaders, anyStatus, RUNS } from './arbitraries.js';

const adapter = fc.constantFrom(gen, genrex);

// An oracle independent of the resolver: the code's own row, else the kind's default.
function expectedRetryable(e: ErrorResult): boolean {
  const row = policyTable.codes[e.provider]?.[e.code];
  if (row !== undefined && Object.hasOwn(policyTable.codes[e.provider]!, e.code) && row.retryable !== undefined && row.kind === e.kind) return row.retryable;
  return policyTable.kinds[e.kind].retryable;
}

function checkError(e: ErrorResult): void {
  const json = JSON.parse(JSON.stringify(e)) as unknown;
  expect(ErrorResultSchema.safeParse(json).success).toBe(true);
  expect(e.retryable).toBe(expectedRetryable(e));
  if (e.retryAfterMs !== undefined) {
    expect(Number.isFinite(e.retryAfterMs)).toBe(true);
    expect(e.retryAfterMs).toBeGreaterThanOrEqual(0);
  }
  expect(JSON.stringify(e).length).toBeLessThan(20_000);
}

describe('normalizers: properties', () => {
  it('normalize never throws and always gives a valid, bounded ErrorResult that agrees with the table', () => {
    fc.assert(
      fc.property(adapter, anyStatus, anyHeaders, anyBody, (a, status, headers, body) => {
        checkError(normalize(a, { status, headers, body }));
        checkError(normalize(a, { status, headers: new Headers(Object.entries(headers).filter(([k]) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(k)).map(([k, v]) => [k, v.replace(/[\r\n\0]/g, '')] as [string, string])), body }));
      }),
      { numRuns: RUNS },
    );
  });

  it('classify never throws; its err values are valid', () => {
    fc.assert(
      fc.property(adapter, anyStatus, anyHeaders, anyBody, (a, status, headers, body) => {
        const result = classify(a, { status, headers, body });
        if (result.isErr()) checkError(result.error);
        else expect(status >= 200 && status < 300).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('fromResponse never rejects, whatever the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(adapter, fc.integer({ min: 200, max: 599 }), anyBody, async (a, status, body) => {
        const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? '');
        const nullBody = status === 204 || status === 205 || status === 304;
        const response = new Response(nullBody ? null : text, { status });
        const result = await fromResponse(a, response);
        if (result.isErr()) checkError(result.error);
      }),
      { numRuns: RUNS },
    );
  });
});
