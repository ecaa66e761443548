import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type ClientOptions, createClient, type ErrorResult, ErrorResultSchema, gen, genrex } from '../../src/index.js';
import { leaks, ok, reply, type TestServer, useTwoServers } from '../support/servers.js';

// The client's two promises against hostile servers: no key leaves baseUrl's origin, and no
// paid request is sent twice. Each server counts what it received.

const GEN_KEY = 'gen_live_SECRETkey_0123456789abcdef';
const GENREX_KEY = 'grx_live_SECRETkey_0123456789abcdef';
const fast = { baseDelayMs: 1, maxDelayMs: 5, random: () => 0 };

let api: TestServer;
let other: TestServer;
useTwoServers((a, b) => {
  api = a;
  other = b;
});

const genClient = (extra: Partial<ClientOptions> = {}) =>
  createClient({ adapter: gen, apiKey: GEN_KEY, baseUrl: `${api.origin}/v1`, retry: fast, ...extra });
const genrexClient = (extra: Partial<ClientOptions> = {}) =>
  createClient({ adapter: genrex, apiKey: GENREX_KEY, baseUrl: `${api.origin}/v1`, retry: fast, ...extra });

function expectClean(error: ErrorResult, key: string): void {
  expect(leaks(error, key)).toEqual([]);
  expect(ErrorResultSchema.safeParse(JSON.parse(JSON.stringify(error))).success).toBe(true);
}

describe('1. redirects are never followed', () => {
  const cases = [301, 302, 303, 307, 308].flatMap((status) => (['GET', 'POST'] as const).map((method) => [status, method] as const));

  it.each(cases)('%i after a %s: one request, none to the other origin, an err naming the Location', async (status, method) => {
    api.answer(reply(status, { location: `${other.origin}/v1/me` }));
    for (const [client, key] of [[genClient(), GEN_KEY], [genrexClient(), GENREX_KEY]] as const) {
      api.seen.length = 0;
      const result = await client.request('/me', method === 'POST' ? { method, body: { prompt: 'paid' } } : {});
      const error = result._unsafeUnwrapErr();
      expect(error).toMatchObject({
        kind: 'invalid_request',
        code: 'redirect',
        status,
        retryable: false,
        outcome: method === 'GET' ? 'rejected' : 'unknown',
      });
      expect(error.message).toContain(`${other.origin}/v1/me`);
      expect(error.hint).toMatch(/baseUrl/);
      expect(api.seen).toHaveLength(1);
      expect(other.seen).toHaveLength(0);
      expectClean(error, key);
    }
  });

  it('a redirect loop costs one request', async () => {
    api.answer(reply(302, { location: `${api.origin}/v1/me` }));
    const error = (await genClient().request('/me'))._unsafeUnwrapErr();
    expect(error.code).toBe('redirect');
    expect(api.seen).toHaveLength(1);
  });

  it('a relative Location is named as the absolute URL; credentials and the key in it are not named', async () => {
    api.answer(reply(307, { location: '/v2/me' }));
    expect((await genClient().request('/me'))._unsafeUnwrapErr().message).toContain(`${api.origin}/v2/me`);
    api.answer(reply(308, { location: `http://user:hunter2pass@127.0.0.1:1/x?key=${GEN_KEY}` }));
    const error = (await genClient().request('/me'))._unsafeUnwrapErr();
    expect(error.message).not.toContain('hunter2');
    expect(error.message).toContain('[REDACTED]');
    expectClean(error, GEN_KEY);
  });

  it('the browser form, an opaque status-0 response under redirect: manual, is the same error', async () => {
    const inits: RequestInit[] = [];
    const opaque = { type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), body: null } as unknown as Response;
    const client = genClient({
      fetch: async (_url, init) => {
        inits.push(init);
        return opaque;
      },
    });
    const error = (await client.request('/me', { method: 'POST', body: {} }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'invalid_request', code: 'redirect', outcome: 'unknown' });
    expect(error.status).toBeUndefined();
    expect(inits).toHaveLength(1);
    expect(inits[0]!.redirect).toBe('manual');
  });

  it('a 304 is not a redirect', async () => {
    api.answer(reply(304));
    expect((await genClient().request('/me'))._unsafeUnwrapErr().code).toBe('http_304');
  });
});

describe('2. secrets are scrubbed before any bound can cut them', () => {
  // Place the key so that each field's bound falls inside it.
  const at = (n: number, key: string) => `${'a'.repeat(n - 10)}${key}`;

  it.each([
    ['message (1000)', (key: string) => ok({ success: false, error: { code: 'VALIDATION_ERROR', message: at(1000, key) } }, 422)],
    ['code (200)', (key: string) => ok({ success: false, error: { code: at(200, key), message: 'x' } }, 422)],
    ['raw (8192)', (key: string) => {
      const body = { success: false, error: { code: 'VALIDATION_ERROR', message: 'x' }, pad: '' };
      // The JSON up to the pad's opening quote, so the key straddles character 8192 of `raw`.
      const before = JSON.stringify(body).length - 2;
      return ok({ ...body, pad: at(8192 - before, key) }, 422);
    }],
    ['raw text (8192)', (key: string) => reply(500, { 'content-type': 'text/plain' }, at(8192, key))],
    ['step (200)', (key: string) => ok({ success: false, status: 'failed', error: { code: 'RESEARCH_ERROR', step: at(200, key) } }, 200)],
    ['requestId (200)', (key: string) => reply(422, { 'x-request-id': at(200, key), 'content-type': 'application/json' }, '{"success":false,"error":{"code":"VALIDATION_ERROR"}}')],
  ])('%s: no 8-character run of the key survives, and the kind stays', async (_, make) => {
    api.answer(make(GENREX_KEY));
    const error = (await genrexClient({ retry: false }).request('/x'))._unsafeUnwrapErr();
    expectClean(error, GENREX_KEY);
    expect(error.kind).not.toBe('network');
  });

  it('a key the server echoes in part (its first or last 12 characters) is scrubbed too', async () => {
    api.answer(ok({ error: `Key ${GEN_KEY.slice(0, 12)}... or ...${GEN_KEY.slice(-12)} rejected`, error_code: 'unauthorized' }, 401));
    const error = (await genClient().request('/me'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'authentication', code: 'unauthorized' });
    expectClean(error, GEN_KEY);
  });
});

describe('3. scrubbing never changes how a body is classified', () => {
  it('a JSON escape right before the key: still the 400 it was, sent once', async () => {
    // `\n` then the key minus its first letter: a text scrubber finds "n" + rest in the JSON text.
    const text = `{"success":false,"error":{"code":"INVALID_PARAMETER","message":"bad\\n${GENREX_KEY.slice(1)}\\\\${GENREX_KEY}\\u0041"}}`;
    api.answer(reply(400, { 'content-type': 'application/json' }, text));
    const error = (await genrexClient().request('/document/create', { method: 'POST', body: {} }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'invalid_request', code: 'INVALID_PARAMETER', status: 400, outcome: 'rejected' });
    expect(api.seen).toHaveLength(1);
    expectClean(error, GENREX_KEY);
  });
});

describe('4. an idempotency key must be a key', () => {
  it.each([
    ['idempotencyKey: ""', { idempotencyKey: '' }],
    ['idempotencyKey: "   "', { idempotencyKey: '   ' }],
    ['an empty Idempotency-Key header', { headers: { 'Idempotency-Key': '' } }],
    ['a blank idempotency-key header', { headers: { 'idempotency-key': ' \t ' } }],
  ])('%s is refused before sending and never unlocks a retry', async (_, extra) => {
    api.answer(reply(500));
    const error = (await genrexClient().request('/document/create', { method: 'POST', body: { prompt: 'x' }, ...extra }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'invalid_request', code: 'invalid_idempotency_key', outcome: 'not_sent', retryable: false });
    expect(api.seen).toHaveLength(0);
  });

  it('a blank client-wide Idempotency-Key header is refused on every request', async () => {
    const client = genrexClient({ headers: { 'Idempotency-Key': ' ' } });
    expect((await client.request('/x', { method: 'POST', body: {} }))._unsafeUnwrapErr().code).toBe('invalid_idempotency_key');
    expect(api.seen).toHaveLength(0);
  });
});

describe('5. 2xx bodies are bounded', () => {
  it('a gzip bomb on a 200 ends at maxBodyBytes of decoded bytes', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    api.answer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      res.end(bomb);
    });
    const before = process.memoryUsage();
    const error = (await genClient({ maxBodyBytes: 1024 * 1024 }).request('/me'))._unsafeUnwrapErr();
    const after = process.memoryUsage();
    expect(error).toMatchObject({ kind: 'invalid_response', code: 'body_too_large', status: 200, outcome: 'unknown', retryable: false });
    // 64 MiB decoded was never held: what the read kept is about its 1 MiB bound.
    expect(after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers)).toBeLessThan(48 * 1024 * 1024);
  });

  it('a 200 declared larger than the bound is refused unread; a chunked one is cut at the bound', async () => {
    api.answer(reply(200, { 'content-type': 'application/json', 'content-length': String(3 * 1024 * 1024) }, 'x'.repeat(3 * 1024 * 1024)));
    expect((await genClient({ maxBodyBytes: 1024 * 1024 }).request('/me'))._unsafeUnwrapErr().code).toBe('body_too_large');
    api.answer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 48; i++) res.write(chunk);
      res.end();
    });
    expect((await genClient({ maxBodyBytes: 1024 * 1024 }).request('/me'))._unsafeUnwrapErr().code).toBe('body_too_large');
    // At the bound exactly, and with a content-coding, a body is read as usual.
    const body = { data: 'y'.repeat(1000) };
    const zipped = gzipSync(JSON.stringify(body));
    api.answer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(zipped);
    });
    expect((await genClient({ maxBodyBytes: JSON.stringify(body).length }).request('/me'))._unsafeUnwrap()).toEqual(body);
  });

  it('the default bound is 32 MiB', async () => {
    api.answer(reply(200, { 'content-type': 'application/json', 'content-length': String(32 * 1024 * 1024 + 1) }, ' '.repeat(32 * 1024 * 1024 + 1)));
    expect((await genClient().request('/me'))._unsafeUnwrapErr().code).toBe('body_too_large');
  });
});

describe('6. what fails before sending was not sent', () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  it.each([
    ['an invalid method', 'invalid_method', { method: 'POST ' }],
    ['a forbidden method', 'invalid_method', { method: 'CONNECT' }],
    ['a header value with CRLF', 'invalid_header', { headers: { 'x-note': 'a\r\nx-injected: 1' } }],
    ['a non-Latin-1 header value', 'invalid_header', { headers: { 'x-note': 'ключ' } }],
    ['an invalid header name', 'invalid_header', { headers: { 'bad name': 'x' } }],
    ['a BigInt body', 'invalid_body', { method: 'POST', body: { n: 10n } }],
    ['a cyclic body', 'invalid_body', { method: 'POST', body: cyclic }],
    ['a function body', 'invalid_body', { method: 'POST', body: () => 1 }],
    ['a signal that is no AbortSignal', 'invalid_signal', { signal: { aborted: 'no' } }],
    ['a query value that is an object', 'invalid_query', { query: { filter: { a: 1 } } }],
    ['a query value that is a Date', 'invalid_query', { query: { since: new Date(0) } }],
    ['an absolute URL path', 'invalid_path', { path: 'http://127.0.0.1:1/steal' }],
    ['a protocol-relative path', 'invalid_path', { path: '//127.0.0.1:1/steal' }],
    ['a negative per-request timeout', 'invalid_option', { timeoutMs: -1 }],
  ])('%s: invalid_request/%s, not_sent, not retried, nothing received', async (_, code, extra) => {
    const { path = '/me', ...options } = extra as { path?: string };
    const error = (await genClient().request(path, options as never))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'invalid_request', code, outcome: 'not_sent', retryable: false, attempts: [] });
    expect(api.seen).toHaveLength(0);
    expect(other.seen).toHaveLength(0);
    expectClean(error, GEN_KEY);
  });

  it('construction refuses what no call could succeed with, naming the option and never the secret', () => {
    const base = { adapter: gen, apiKey: GEN_KEY };
    const refused: Array<[Record<string, unknown>, RegExp]> = [
      [{ apiKey: undefined }, /`apiKey`/],
      [{ apiKey: '' }, /`apiKey`/],
      [{ apiKey: '   ' }, /`apiKey`/],
      [{ apiKey: 'ключ_0123456789' }, /`apiKey`/],
      [{ apiKey: 'gen_key\r\nx-evil: 1' }, /`apiKey`/],
      [{ baseUrl: 'ftp://127.0.0.1/v1' }, /`baseUrl`/],
      [{ baseUrl: '127.0.0.1/v1' }, /`baseUrl`/],
      [{ baseUrl: 'http://admin:s3cretpass@127.0.0.1/v1' }, /`baseUrl`/],
      [{ baseUrl: 'http://127.0.0.1/v1?x=1' }, /`baseUrl`/],
      [{ timeoutMs: Number.NaN }, /`timeoutMs`/],
      [{ timeoutMs: -1 }, /`timeoutMs`/],
      [{ deadlineMs: -5 }, /`deadlineMs`/],
      [{ maxBodyBytes: -1 }, /`maxBodyBytes`/],
      [{ maxErrorBodyBytes: Number.NaN }, /`maxErrorBodyBytes`/],
      [{ retry: { budget: null } }, /`retry\.budget`/],
      [{ retry: { budget: 5 } }, /`retry\.budget`/],
      [{ retry: { budget: { capacity: -1 } } }, /`retry\.budget\.capacity`/],
      [{ retry: { maxRetries: -1 } }, /`retry\.maxRetries`/],
      [{ retry: null }, /`retry`/],
      [{ headers: { 'x-a': 'b\nc' } }, /`headers`/],
      [{ fetch: 'fetch' }, /`fetch`/],
      [{ adapter: undefined }, /`adapter`/],
    ];
    for (const [options, name] of refused) {
      let thrown: unknown;
      try {
        createClient({ ...base, ...options } as ClientOptions);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(options)).toBeInstanceOf(TypeError);
      expect((thrown as Error).message).toMatch(name);
      expect((thrown as Error).message).not.toMatch(/s3cretpass|ключ|gen_key/);
    }
    // A key is optional only for an adapter that sends none.
    expect(() => createClient({ adapter: { ...gen, auth: () => ({}) }, apiKey: '' })).not.toThrow();
  });
});

describe('7. a bare 503 after a POST is not resent', () => {
  it('bare and HTML 503s: the POST is sent once, outcome unknown; a GET is retried', async () => {
    for (const answer of [reply(503), reply(503, { 'content-type': 'text/html' }, '<html><body>503 Service Temporarily Unavailable</body></html>')]) {
      api.seen.length = 0;
      api.answer(answer, ok({ id: 'doc_1' }));
      const error = (await genrexClient().request('/document/create', { method: 'POST', body: { prompt: 'x' } }))._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'server', status: 503, outcome: 'unknown' });
      expect(api.seen).toHaveLength(1);
    }
    api.seen.length = 0;
    api.answer(reply(503), ok({ id: 'doc_1' }));
    expect((await genrexClient().request('/document/doc_1')).isOk()).toBe(true);
    expect(api.seen).toHaveLength(2);
  });

  it("a 503 with Retry-After, or with the provider's own error body, said it did not act: the POST is retried", async () => {
    const own = reply(503, { 'content-type': 'application/json' }, '{"success":false,"error":{"code":"SERVICE_UNAVAILABLE","message":"down"}}');
    for (const answer of [reply(503, { 'retry-after': '0' }), own]) {
      api.seen.length = 0;
      api.answer(answer, ok({ id: 'doc_1' }));
      expect((await genrexClient().request('/document/create', { method: 'POST', body: { prompt: 'x' } })).isOk()).toBe(true);
      expect(api.seen).toHaveLength(2);
    }
  });

  it('1000 concurrent POSTs behind a proxy answering bare 503s: none is received twice', async () => {
    let n = 0;
    api.answer((req, res) => {
      n++;
      if (n % 20 === 0) reply(503)(req, res);
      else ok({ id: JSON.parse(req.body).n })(req, res);
    });
    const client = genrexClient({ retry: { ...fast, budget: false } });
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => client.request('/document/create', { method: 'POST', body: { n: i } })));
    const bodies = api.seen.map((r) => r.body);
    expect(new Set(bodies).size).toBe(bodies.length);
    expect(bodies).toHaveLength(1000);
    expect(results.filter((r) => r.isErr()).every((r) => r._unsafeUnwrapErr().outcome === 'unknown')).toBe(true);
  });
});

describe('8. a repeated Retry-After means the longest wait', () => {
  it('Retry-After: 0 and Retry-After: 1 sent together wait 1 s', async () => {
    api.answer(reply(429, { 'retry-after': ['0', '1'] }), ok({ ok: true }));
    const delays: number[] = [];
    const result = await genClient({ onRetry: (_n, _e, delayMs) => delays.push(delayMs) }).request('/me');
    expect(result.isOk()).toBe(true);
    expect(delays).toEqual([1000]);
    expect(api.seen).toHaveLength(2);
  });
});

describe('9. options nobody checked before', () => {
  it('paths get their slash; plain values go as JSON', async () => {
    await genClient().request('document/create', { method: 'POST', body: new Date(0) });
    class Prompt {
      constructor(readonly text: string) {}
      toJSON() {
        return { prompt: this.text };
      }
    }
    await genClient().request('/document/create', { method: 'POST', body: new Prompt('hi') });
    await genClient().request('/document/create', { method: 'POST', body: 42 });
    expect(api.seen.map((r) => [r.url, r.body, r.headers['content-type']])).toEqual([
      ['/v1/document/create', '"1970-01-01T00:00:00.000Z"', 'application/json'],
      ['/v1/document/create', '{"prompt":"hi"}', 'application/json'],
      ['/v1/document/create', '42', 'application/json'],
    ]);
  });

  it('a delay above what a timer holds is clamped, never wrapped to 1 ms', async () => {
    api.answer(reply(503));
    const delays: number[] = [];
    const signal = AbortSignal.timeout(200);
    const client = genClient({ retry: { baseDelayMs: 2 ** 40, maxDelayMs: 2 ** 40, random: () => 1 }, onRetry: (_n, _e, ms) => delays.push(ms) });
    const error = (await client.request('/me', { signal }))._unsafeUnwrapErr();
    expect(error.kind).toBe('aborted');
    expect(delays).toEqual([2 ** 31 - 1]);
    expect(api.seen).toHaveLength(1);
  });
});

describe('no key anywhere, whatever the failure', () => {
  it('the key stays out of every result and attempt record', async () => {
    const echo = (status: number) => ok({ error: `bad key ${GEN_KEY}`, error_code: `code_${GEN_KEY}`, echo: { [GEN_KEY]: GEN_KEY } }, status);
    api.answer(echo(503), echo(500), echo(429), echo(401));
    const error = (await genClient({ retry: { ...fast, maxRetries: 5 } }).request('/me'))._unsafeUnwrapErr();
    expect(error.attempts!.length).toBeGreaterThan(1);
    expectClean(error, GEN_KEY);
  });
});
