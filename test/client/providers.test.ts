import { describe, expect, it } from 'vitest';
import { anthropic, type ClientOptions, createClient, createPolicy, defineAdapter, ErrorResultSchema, normalize, openai, problemJson, ProblemJsonBody, problemJsonFacts } from '../../src/index.js';
import { createMockFetch, fixtures } from '../../src/testing/index.js';
import '../../src/testing/vitest.js';
import { leaks, ok, reply, type TestServer, useTwoServers } from '../support/servers.js';

// The three providers added through defineAdapter, against a real local server: their auth
// headers, the hard cases their own SDKs get wrong, and x-should-retry both ways.

const KEY = 'sk-live-SECRETkey0123456789abcdef';
const fast = { baseDelayMs: 1, maxDelayMs: 5, random: () => 0 };
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => reply(status, { 'content-type': 'application/json', ...headers }, JSON.stringify(body));

let api: TestServer;
useTwoServers((a) => {
  api = a;
});
const client = (adapter: ClientOptions['adapter'], extra: Partial<ClientOptions> = {}) =>
  createClient({ adapter, apiKey: KEY, baseUrl: `${api.origin}/v1`, retry: fast, ...extra });

describe('auth and defaults', () => {
  it('openai sends Bearer; anthropic sends x-api-key and anthropic-version; problemJson sends Bearer and accepts problem+json', async () => {
    await client(openai).request('/models');
    await client(anthropic).request('/models');
    await client(anthropic, { headers: { 'anthropic-version': '2024-01-01' } }).request('/models');
    await client(problemJson).request('/orders');
    const [o, a, a2, p] = api.seen.map((s) => s.headers);
    expect(o!.authorization).toBe(`Bearer ${KEY}`);
    expect(o!['x-api-key']).toBeUndefined();
    expect(a!['x-api-key']).toBe(KEY);
    expect(a!.authorization).toBeUndefined();
    expect(a!['anthropic-version']).toBe('2023-06-01');
    expect(a2!['anthropic-version']).toBe('2024-01-01');
    expect(p!.authorization).toBe(`Bearer ${KEY}`);
    expect(p!.accept).toBe('application/json, application/problem+json');
  });

  it('base URLs: the providers documented ones; problemJson has none, and says so at construction', () => {
    expect(createClient({ adapter: openai, apiKey: KEY }).baseUrl).toBe('https://api.openai.com/v1');
    expect(createClient({ adapter: anthropic, apiKey: KEY }).baseUrl).toBe('https://api.anthropic.com/v1');
    expect(() => createClient({ adapter: problemJson, apiKey: KEY })).toThrow(/`baseUrl` is required: the problem-json adapter has no default/);
  });
});

describe('the hard cases', () => {
  it('openai insufficient_quota is sent once (the official SDK retries every 429)', async () => {
    api.answer(json(429, { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } }, { 'retry-after': '1' }));
    const error = (await client(openai).request('/chat/completions', { method: 'POST', body: { model: 'gpt-4o' } }))._unsafeUnwrapErr();
    expect(api.seen).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'insufficient_credits', code: 'insufficient_quota', retryable: false, outcome: 'rejected' });
    expect(error.hint).toMatch(/billing/);
  });

  it('openai rate_limit_exceeded waits retry-after-ms and is retried, a POST included', async () => {
    api.answer(json(429, { error: { message: 'Rate limit reached', type: 'requests', param: null, code: 'rate_limit_exceeded' } }, { 'retry-after-ms': '30', 'x-request-id': 'req_1' }), ok({ id: 'chatcmpl-1' }));
    expect(await client(openai).request('/chat/completions', { method: 'POST', body: {} })).toBeOk();
    expect(api.seen).toHaveLength(2);
    expect(api.seen[1]!.at - api.seen[0]!.at).toBeGreaterThanOrEqual(28);
  });

  it('an OpenAI-compatible body with only a message, or null type and code, is classified by status', async () => {
    api.answer(json(503, { error: { message: 'busy' } }), json(404, { error: { message: 'no such model', type: null, param: null, code: null } }));
    const error = (await client(openai, { retry: false }).request('/chat/completions', { method: 'POST', body: {} }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'server', code: 'http_503', message: 'busy' });
    expect((await client(openai).request('/models/x'))._unsafeUnwrapErr()).toMatchObject({ kind: 'not_found', code: 'http_404', message: 'no such model' });
  });

  it("anthropic's 529 overloaded_error is server and retried, a POST included; its request id is read", async () => {
    api.answer(json(529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' }, request_id: 'req_011' }), ok({ id: 'msg_1' }));
    expect(await client(anthropic).request('/messages', { method: 'POST', body: { model: 'claude' } })).toBeOk();
    expect(api.seen).toHaveLength(2);
    api.answer(json(529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' }, request_id: 'req_012' }));
    const error = (await client(anthropic, { retry: { ...fast, maxRetries: 1 } }).request('/messages', { method: 'POST', body: {} }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'server', code: 'overloaded_error', retryable: true, requestId: 'req_012', outcome: 'rejected' });
  });

  it('anthropic billing_error, request_too_large and a spend-limit 429 are sent once', async () => {
    for (const [status, type, code, kind] of [
      [402, 'billing_error', 'billing_error', 'insufficient_credits'],
      [413, 'request_too_large', 'request_too_large', 'invalid_request'],
      [429, 'rate_limit_error', 'enforced_spend_limit_reached', 'insufficient_credits'],
    ] as const) {
      api.seen.length = 0;
      const details = code === type ? {} : { details: { error_code: code } };
      api.answer(json(status, { type: 'error', error: { type, message: 'no', ...details }, request_id: 'r' }, { 'retry-after': '1' }));
      const error = (await client(anthropic).request('/messages', { method: 'POST', body: {} }))._unsafeUnwrapErr();
      expect(api.seen, code).toHaveLength(1);
      expect(error).toMatchObject({ kind, code, retryable: false });
    }
  });

  it("problem+json: type is the code, about:blank falls back to the status, detail is the message", async () => {
    api.answer(json(409, { type: 'https://api.example.test/problems/conflict', title: 'Conflict', detail: 'changed meanwhile' }), json(404, { type: 'about:blank', title: 'Not Found' }));
    expect((await client(problemJson).request('/orders/1'))._unsafeUnwrapErr()).toMatchObject({ kind: 'conflict', code: 'https://api.example.test/problems/conflict', message: 'changed meanwhile' });
    expect((await client(problemJson).request('/orders/2'))._unsafeUnwrapErr()).toMatchObject({ kind: 'not_found', code: 'http_404', message: 'Not Found' });
  });
});

describe('x-should-retry, in the shared retry decision', () => {
  it('true retries what the table would not (a 409 POST), vouching the server did not act', async () => {
    api.answer(json(409, { error: { message: 'try again', type: 'invalid_request_error', param: null, code: null } }, { 'x-should-retry': 'true' }), ok({ id: 1 }));
    expect(await client(openai).request('/responses', { method: 'POST', body: {} })).toBeOk();
    expect(api.seen).toHaveLength(2);
  });

  it('true on a 500 lets a POST without an idempotency key be retried', async () => {
    api.answer(json(500, { type: 'error', error: { type: 'api_error', message: 'x' } }, { 'x-should-retry': 'true' }), ok({ id: 1 }));
    expect(await client(anthropic).request('/messages', { method: 'POST', body: {} })).toBeOk();
    expect(api.seen).toHaveLength(2);
  });

  it('false stops the retry of a 503 GET, and says retryable false', async () => {
    api.answer(json(503, { error: { message: 'down', type: 'server_error', param: null, code: null } }, { 'x-should-retry': 'false' }));
    const error = (await client(openai).request('/models'))._unsafeUnwrapErr();
    expect(api.seen).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'server', retryable: false });
  });

  it('true stays within maxRetries', async () => {
    api.answer(json(400, { error: { message: 'x', type: 'invalid_request_error', param: null, code: null } }, { 'x-should-retry': 'true' }));
    await client(openai, { retry: { ...fast, maxRetries: 2 } }).request('/models');
    expect(api.seen).toHaveLength(3);
  });

  it('normalize reads it too: retryable follows the server', () => {
    expect(normalize(openai, { status: 400, headers: { 'x-should-retry': 'true' }, body: { error: { message: 'x' } } }).retryable).toBe(true);
    expect(normalize(anthropic, { status: 529, headers: { 'X-Should-Retry': 'False' }, body: {} }).retryable).toBe(false);
    expect(normalize(openai, { status: 503, headers: { 'x-should-retry': 'maybe' }, body: {} }).retryable).toBe(true);
  });
});

describe('keys, junk bodies and the kit', () => {
  it('a key echoed by any of them is scrubbed', async () => {
    for (const [adapter, body] of [
      [openai, { error: { message: `Incorrect API key provided: ${KEY}`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }],
      [anthropic, { type: 'error', error: { type: 'authentication_error', message: `invalid x-api-key ${KEY.slice(2)}` }, request_id: KEY }],
      [problemJson, { type: 'about:blank', title: 'Unauthorized', detail: `key ${KEY} revoked`, instance: KEY }],
    ] as const) {
      api.answer(json(401, body));
      const error = (await client(adapter).request('/x'))._unsafeUnwrapErr();
      expect(leaks(error, KEY)).toEqual([]);
      expect(ErrorResultSchema.safeParse(JSON.parse(JSON.stringify(error))).success).toBe(true);
    }
  });

  it('junk bodies never throw: HTML, empty, arrays, numbers, wrong types, __proto__', () => {
    const junk: unknown[] = [
      '<html><body>502</body></html>',
      '',
      undefined,
      [],
      [{ error: { message: 'x' } }],
      42,
      'null',
      { error: 42 },
      { error: { message: { nested: true }, type: 7, code: [] } },
      { type: 'error', error: 'string' },
      { type: [], title: {}, detail: 1 },
      JSON.parse('{"__proto__": {"code": "polluted"}, "error": {"__proto__": {"type": "x"}}}'),
      '{"error": {"message": "trunc',
    ];
    for (const adapter of [openai, anthropic, problemJson]) {
      for (const body of junk) {
        for (const status of [400, 429, 500, 529]) {
          const result = normalize(adapter, { status, body });
          expect(ErrorResultSchema.safeParse(result).success).toBe(true);
          expect(result.provider).toBe(adapter.name);
        }
      }
    }
    expect(({} as Record<string, unknown>).code).toBeUndefined();
  });

  it("createMockFetch and the fixtures play the new providers", async () => {
    const mock = createMockFetch({
      routes: { 'POST /v1/chat/completions': ['openai/rate-limit-requests', 'openai/success-chat-completion'], 'POST /v1/messages': ['anthropic/overloaded-error-529', 'anthropic/success-message'] },
    });
    expect(await createClient({ adapter: openai, apiKey: KEY, fetch: mock, retry: fast }).request('/chat/completions', { method: 'POST', body: {} })).toBeOk();
    expect(await createClient({ adapter: anthropic, apiKey: KEY, fetch: mock, retry: fast }).request('/messages', { method: 'POST', body: {} })).toBeOk();
    expect(mock.calls).toHaveLength(4);
    expect(fixtures.openai['insufficient-quota']!.expected).toMatchObject({ kind: 'insufficient_credits', retryable: false });
    expect(fixtures['problem-json']['about-blank-404']!.expected).toMatchObject({ code: 'http_404' });
  });

  it("a provider of one's own on problem+json, with another auth header and its own rows", async () => {
    const acme = defineAdapter({ name: 'acme', baseUrl: `${api.origin}/v2`, auth: (key) => ({ 'X-Acme-Key': key }), errorBody: ProblemJsonBody, facts: problemJsonFacts });
    const policy = createPolicy({ codes: { acme: { 'https://acme.test/problems/out-of-credit': { kind: 'insufficient_credits', retryable: false, hint: 'Top up at acme.test.' } } } });
    api.answer(json(403, { type: 'https://acme.test/problems/out-of-credit', title: 'No credit', detail: 'Balance 0' }));
    const error = (await createClient({ adapter: acme, apiKey: KEY, policy }).request('/jobs', { method: 'POST', body: {} }))._unsafeUnwrapErr();
    expect(api.seen[0]!.headers['x-acme-key']).toBe(KEY);
    expect(api.seen[0]!.url).toBe('/v2/jobs');
    expect(error).toMatchObject({ provider: 'acme', kind: 'insufficient_credits', code: 'https://acme.test/problems/out-of-credit', hint: 'Top up at acme.test.', message: 'Balance 0' });
  });
});
