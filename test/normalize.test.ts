import { describe, expect, it } from 'vitest';
import { classify, createPolicy, ErrorResultSchema, gen, genrex, normalize, policyTable } from '../src/index.js';

const roundTrip = (value: unknown) => ErrorResultSchema.parse(JSON.parse(JSON.stringify(value)));

describe('normalize: bad input never throws', () => {
  const bodies: Array<[string, unknown]> = [
    ['HTML', '<html><body><h1>502 Bad Gateway</h1></body></html>'],
    ['empty string', ''],
    ['whitespace', '  \n '],
    ['truncated JSON', '{"error": "x", "error_co'],
    ['array', [1, 2]],
    ['array text', '[{"error_code":"unauthorized"}]'],
    ['number', 42],
    ['number text', '42'],
    ['null', null],
    ['undefined', undefined],
    ['boolean', true],
    ['nested junk', { error: { error: { error: [] } }, error_code: { code: 1 } }],
    ['NaN in object', { error: Number.NaN, error_code: Number.POSITIVE_INFINITY }],
    ['bigint', { error: 10n }],
    ['function', () => 1],
    ['symbol', Symbol('x')],
    ['huge string', 'x'.repeat(5_000_000)],
    ['huge JSON', JSON.stringify({ error: 'y'.repeat(5_000_000), error_code: 'not_found' })],
    ['deep', JSON.parse('['.repeat(5000) + ']'.repeat(5000))],
    ['unicode', { error: '💥 ошибка \u0000 \ud800', error_code: 'not_found' }],
  ];
  it.each(bodies)('%s', (_, body) => {
    for (const adapter of [gen, genrex]) {
      for (const status of [400, 401, 404, 422, 429, 500, 502, 503, 0, 99, 600, Number.NaN]) {
        const result = normalize(adapter, { status, body });
        expect(roundTrip(result)).toEqual(JSON.parse(JSON.stringify(result)));
        expect(JSON.stringify(result).length).toBeLessThan(20_000);
      }
    }
  });

  it('survives hostile headers and inputs', () => {
    const throwing = new Proxy({}, { ownKeys: () => { throw new Error('boom'); } });
    expect(normalize(gen, { status: 500, headers: throwing as never, body: '' }).kind).toBe('server');
    expect(normalize(gen, null as never).kind).toBe('unknown');
    expect(normalize(gen, { status: 500, headers: 'nope' as never }).kind).toBe('server');
    const getterBody = Object.defineProperty({}, 'error_code', { get: () => { throw new Error('boom'); }, enumerable: true });
    expect(normalize(gen, { status: 401, body: getterBody }).kind).toBe('authentication');
  });

  it('keeps __proto__ and constructor keys as data, with no prototype pollution', () => {
    const text = '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"error_code":"unauthorized","error":"bad key"}';
    const result = normalize(gen, { status: 401, body: text });
    expect(result.code).toBe('unauthorized');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.raw)).toBe(Object.prototype);
    expect(Object.hasOwn(result.raw as object, '__proto__')).toBe(true);
    // A code that names an Object.prototype member is just an unknown code.
    for (const code of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const r = normalize(gen, { status: 409, body: { error_code: code } });
      expect(r).toMatchObject({ kind: 'conflict', code });
    }
  });
});

describe('normalize: fields', () => {
  it('falls back to the reason phrase when the body has no usable text', () => {
    expect(normalize(gen, { status: 502, body: '<!DOCTYPE html><html>…</html>' }).message).toBe('Bad Gateway');
    expect(normalize(genrex, { status: 503, body: '' }).message).toBe('Service Unavailable');
    expect(normalize(gen, { status: 500, body: { error: '   ' } }).message).toBe('Internal Server Error');
    expect(normalize(gen, { status: 599 }).message).toBe('HTTP 599');
    expect(normalize(gen, { status: 500, body: 'plain words from a proxy' }).message).toBe('plain words from a proxy');
  });

  it('bounds message and raw', () => {
    const result = normalize(gen, { status: 500, body: { error: 'z'.repeat(1_000_000), error_code: 'x' } });
    expect(result.message.length).toBeLessThanOrEqual(1100);
    expect(typeof result.raw).toBe('string');
    expect((result.raw as string).length).toBeLessThanOrEqual(8300);
    const small = { error: 'small', error_code: 'not_found' };
    expect(normalize(gen, { status: 404, body: small }).raw).toEqual(small);
    expect(normalize(gen, { status: 404, body: small }, { maxRawChars: 0 }).raw).toBeUndefined();
  });

  it('bounds raw by its JSON, holes in arrays and values JSON cannot hold included', () => {
    // 3000 holes are 15 KB of `null,` in JSON: too big to keep as the array itself.
    const sparse = normalize(gen, { status: 500, body: { error_code: 'x', list: new Array(3000) } }).raw;
    expect(typeof sparse).toBe('string');
    expect((sparse as string).length).toBeLessThanOrEqual(8300);
    const nested = { error_code: 'x', list: [1, [2, null], { a: true }] };
    expect(normalize(gen, { status: 500, body: nested }).raw).toBe(nested);
    expect(normalize(gen, { status: 500, body: { error_code: 'x', at: new Date(0) } }).raw).toBe('{"error_code":"x","at":"1970-01-01T00:00:00.000Z"}');
    expect(normalize(gen, { status: 500, body: { error_code: 'x', n: Number.NaN } }).raw).toBe('{"error_code":"x","n":null}');
  });

  it('reads Retry-After, retry-after-ms and request ids from a Headers object or a record', () => {
    const h = new Headers({ 'Retry-After': '7', 'X-Request-Id': 'req_1' });
    expect(normalize(gen, { status: 429, headers: h })).toMatchObject({ retryAfterMs: 7000, requestId: 'req_1' });
    expect(normalize(gen, { status: 429, headers: { 'RETRY-AFTER-MS': '250', 'request-id': 'r2' } })).toMatchObject({
      retryAfterMs: 250,
      requestId: 'r2',
    });
    expect(normalize(gen, { status: 429, headers: { 'retry-after': ['3'] } }).retryAfterMs).toBe(3000);
    expect(normalize(gen, { status: 429, headers: { 'retry-after': '-5' } }).retryAfterMs).toBeUndefined();
  });

  it('uses synthetic codes when the body has none', () => {
    expect(normalize(gen, { status: 502 }).code).toBe('http_502');
    expect(normalize(genrex, { status: 200, body: { success: false, status: 'failed' } })).toMatchObject({
      kind: 'generation_failed',
      code: 'job_failed',
      step: 'unknown',
    });
  });

  it('scrubs secrets from every field, keys of 8+ characters only', () => {
    const key = 'grx_sk_live_abcdef123456';
    const body = { success: false, error: { code: 'INVALID_API_KEY', message: `Key ${key} is invalid` }, echo: { [key]: key } };
    const result = normalize(genrex, { status: 401, body }, { secrets: [key, 'short'] });
    expect(JSON.stringify(result)).not.toContain(key);
    expect(result.message).toBe('Key [REDACTED] is invalid');
  });

  it('classify: 2xx is ok unless the body reports failure', () => {
    expect(classify(gen, { status: 200, body: '{"id":1}' })._unsafeUnwrap()).toEqual({ id: 1 });
    expect(classify(gen, { status: 204 })._unsafeUnwrap()).toBeUndefined();
    expect(classify(genrex, { status: 200, body: { success: true } }).isOk()).toBe(true);
    expect(classify(genrex, { status: 200, body: { success: false, error: { code: 'NOT_FOUND' } } }).isErr()).toBe(true);
    expect(classify(gen, { status: 302, body: '' }).isErr()).toBe(true);
  });
});

describe('policy overrides', () => {
  it('change one field of a row, add rows and providers, without touching the shared table', () => {
    const policy = createPolicy({
      codes: {
        gen: { agent_not_found: { kind: 'not_found' }, brand_new: { kind: 'conflict', hint: 'Custom.' } },
        acme: { OOPS: { kind: 'server', retryable: false } },
      },
      statuses: { '503': { kind: 'server', retryable: false } },
      kinds: { server: { hint: 'Our words.' } },
    });
    expect(normalize(gen, { status: 422, body: { error_code: 'agent_not_found' } }, { policy })).toMatchObject({
      kind: 'not_found',
      retryable: false,
      hint: policyTable.codes.gen!.agent_not_found!.hint,
    });
    expect(normalize(gen, { status: 400, body: { error_code: 'brand_new' } }, { policy })).toMatchObject({ kind: 'conflict', hint: 'Custom.' });
    expect(normalize(gen, { status: 503 }, { policy })).toMatchObject({ kind: 'server', retryable: false, hint: 'Our words.' });
    expect(normalize(gen, { status: 503 })).toMatchObject({ retryable: true });
    expect(normalize(gen, { status: 422, body: { error_code: 'agent_not_found' } }).kind).toBe('invalid_request');
  });

  it('treats __proto__ and constructor as codes like any other, in overrides and lookups', () => {
    const codes = JSON.parse('{"gen":{"__proto__":{"kind":"conflict"},"constructor":{"kind":"not_found"}}}') as Record<string, Record<string, { kind: 'conflict' }>>;
    const policy = createPolicy({ codes });
    expect(normalize(gen, { status: 500, body: { error_code: '__proto__' } }, { policy }).kind).toBe('conflict');
    expect(normalize(gen, { status: 500, body: { error_code: 'constructor' } }, { policy }).kind).toBe('not_found');
    expect(normalize(gen, { status: 500, body: { error_code: 'toString' } }, { policy }).kind).toBe('server');
    expect(normalize(genrex, { status: 500, body: { error: { code: '__proto__' } } }, { policy }).kind).toBe('server');
    expect(Object.hasOwn(policy.table.codes.gen!, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
  });

  it('keeps the per-kind shape whatever a row says', () => {
    const policy = createPolicy({
      codes: { gen: { gone: { kind: 'network' }, slow: { kind: 'timeout' }, step: { kind: 'generation_failed' } } },
    });
    const network = normalize(gen, { status: 500, body: { error_code: 'gone' } }, { policy });
    expect(network.kind).toBe('network');
    expect('status' in network).toBe(false);
    expect('status' in normalize(gen, { status: 504, body: { error_code: 'slow' } }, { policy })).toBe(false);
    expect(normalize(gen, { status: 408, body: { error_code: 'slow' } }, { policy }).status).toBe(408);
    expect(normalize(gen, { status: 500, body: { error_code: 'step' } }, { policy })).toMatchObject({ step: 'unknown' });
  });
});
