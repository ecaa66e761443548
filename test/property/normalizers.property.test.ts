import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInAdapters } from '../../adapters/index.js';
import { classify, type ErrorResult, ErrorResultSchema, fromResponse, normalize, policyTable } from '../../src/index.js';
import { anyBody, anyHeaders, anyStatus, RUNS } from './arbitraries.js';

const adapter = fc.constantFrom(...Object.values(builtInAdapters));

// An oracle independent of the resolver: the code's own row, else the kind's default.
function expectedRetryable(e: ErrorResult): boolean {
  const row = policyTable.codes[e.provider]?.[e.code];
  if (row !== undefined && Object.hasOwn(policyTable.codes[e.provider]!, e.code) && row.retryable !== undefined && row.kind === e.kind) return row.retryable;
  return policyTable.kinds[e.kind].retryable;
}

// A server's x-should-retry overrides the table (the last value when a name repeats in any case).
function verdict(headers: Record<string, string> | undefined): boolean | undefined {
  let value: string | undefined;
  for (const [name, v] of Object.entries(headers ?? {})) if (name.toLowerCase() === 'x-should-retry') value = v;
  const t = value?.trim().toLowerCase();
  return t === 'true' ? true : t === 'false' ? false : undefined;
}

function checkError(e: ErrorResult, headers?: Record<string, string>): void {
  const json = JSON.parse(JSON.stringify(e)) as unknown;
  expect(ErrorResultSchema.safeParse(json).success).toBe(true);
  expect(e.retryable).toBe(verdict(headers) ?? expectedRetryable(e));
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
        checkError(normalize(a, { status, headers, body }), headers);
        checkError(normalize(a, { status, headers: new Headers(Object.entries(headers).filter(([k]) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(k)).map(([k, v]) => [k, v.replace(/[\r\n\0]/g, '')] as [string, string])), body }), headers);
      }),
      { numRuns: RUNS },
    );
  });

  it('classify never throws; its err values are valid', () => {
    fc.assert(
      fc.property(adapter, anyStatus, anyHeaders, anyBody, (a, status, headers, body) => {
        const result = classify(a, { status, headers, body });
        if (result.isErr()) checkError(result.error, headers);
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

// Keys as providers issue them: no whitespace and nothing JSON escapes, 8 characters or more.
const KEY_CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.~+/=:'];
const anyKey = fc.string({ unit: fc.constantFrom(...KEY_CHARS), minLength: 8, maxLength: 64 });
// Fillers that put the key across each field's bound: message 1000, code and request id 200, raw 8192.
const filler = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 }), ...[1000, 200, 8192, 4096].map((b) => fc.integer({ min: b - 70, max: b + 5 })));

type Placed = { body: unknown; headers: Record<string, string> };

/** The key put somewhere in a response: inside a field of a provider-shaped body, in its text, or in a header. */
const placedKey = (key: string): fc.Arbitrary<Placed> =>
  fc.tuple(anyBody, filler, fc.nat(), fc.constantFrom('message', 'code', 'step', 'pad', 'text', 'header', 'gen', 'openai', 'anthropic', 'problem')).map(([body, pad, at, where]): Placed => {
    const run = `${'a'.repeat(pad)}${key}`;
    switch (where) {
      case 'message':
      case 'code':
      case 'step':
        return { body: { success: false, status: 'failed', error: { code: 'VALIDATION_ERROR', message: 'x', [where]: run } }, headers: {} };
      case 'pad':
        return { body: { error_code: 'x', pad: run, body }, headers: {} };
      case 'gen':
        return { body: { error: run, error_code: run.slice(pad > 100 ? 100 : 0) }, headers: {} };
      case 'openai':
        return { body: { error: { message: run, type: run.slice(0, 300), param: null, code: pad % 2 === 0 ? null : run } }, headers: {} };
      case 'anthropic':
        return { body: { type: 'error', error: { type: run, message: run, details: { error_code: run } }, request_id: run }, headers: {} };
      case 'problem':
        return { body: { type: run, title: run, detail: pad % 2 === 0 ? run : undefined, instance: run }, headers: {} };
      case 'header':
        return { body, headers: { 'x-request-id': run } };
      default: {
        const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? '');
        const i = text.length === 0 ? 0 : at % text.length;
        return { body: text.slice(0, i) + run + text.slice(i), headers: {} };
      }
    }
  });

const hasRun = (text: string, key: string): boolean => {
  for (let i = 0; i + 8 <= key.length; i++) if (text.includes(key.slice(i, i + 8))) return true;
  return false;
};

describe('secrets: properties', () => {
  it('for any body and any key of 8+ characters placed anywhere, no 8-character run of the key is in the result; kind and code stay', () => {
    fc.assert(
      fc.property(adapter, anyStatus, anyKey.chain((key) => fc.tuple(fc.constant(key), placedKey(key))), (a, status, [key, placed]) => {
        const input = { status, headers: placed.headers, body: placed.body };
        const scrubbed = normalize(a, input, { secrets: [key] });
        const plain = normalize(a, input);
        // kind and provider are the library's own words, never response text.
        const { kind, provider, ...fields } = scrubbed;
        expect(hasRun(JSON.stringify(fields), key)).toBe(false);
        expect(kind).toBe(plain.kind);
        expect(provider).toBe(plain.provider);
        expect(scrubbed.retryable).toBe(plain.retryable);
        expect(scrubbed.status).toBe(plain.status);
        if (!hasRun(plain.code, key)) expect(scrubbed.code).toBe(plain.code);
      }),
      { numRuns: RUNS },
    );
  });
});
