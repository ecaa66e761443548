import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ClientOptions, createClient, ErrorResultSchema, gen, genrex } from '../src/index.js';
import { FAKE_GEN_KEY, FAKE_GENREX_KEY, type FakeServer, startFakeServer } from '../src/testing/index.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());
afterEach(() => server.reset());

// Zero jitter keeps the suite fast; Retry-After floors still apply.
const fast = { baseDelayMs: 1, maxDelayMs: 5, random: () => 0 };
const genClient = (extra: Partial<ClientOptions> = {}) =>
  createClient({ adapter: gen, apiKey: FAKE_GEN_KEY, baseUrl: server.baseUrl, retry: fast, ...extra });
const genrexClient = (extra: Partial<ClientOptions> = {}) =>
  createClient({ adapter: genrex, apiKey: FAKE_GENREX_KEY, baseUrl: server.baseUrl, retry: fast, ...extra });
const valid = (e: unknown) => expect(ErrorResultSchema.safeParse(JSON.parse(JSON.stringify(e))).success).toBe(true);

describe('requests', () => {
  it('sends auth, query, JSON body and idempotency key the way each provider expects', async () => {
    const me = await genClient().request('/autocontentengine/sheet_123', { query: { agent_id: 'agent_456', tag: ['a b', 'c&d'], skip: undefined } });
    expect(me.isOk()).toBe(true);
    const [req] = server.requests;
    expect(req!.url).toBe('/v1/autocontentengine/sheet_123?agent_id=agent_456&tag=a+b&tag=c%26d');
    expect(req!.headers['x-api-key']).toBe(FAKE_GEN_KEY);

    const created = await genrexClient().request('/document/create', { method: 'POST', body: { prompt: 'Write about AI' }, idempotencyKey: 'idem-1' });
    expect(created._unsafeUnwrap()).toMatchObject({ success: true, status: 'queued' });
    const post = server.requestsFor('POST /v1/document/create')[0]!;
    expect(post.headers.authorization).toBe(`Bearer ${FAKE_GENREX_KEY}`);
    expect(post.headers['content-type']).toBe('application/json');
    expect(post.headers['idempotency-key']).toBe('idem-1');
    expect(JSON.parse(post.body)).toEqual({ prompt: 'Write about AI' });
  });

  it('defaults baseUrl to the provider documented base', () => {
    expect(createClient({ adapter: gen, apiKey: 'k' }).baseUrl).toBe('https://api.gen.pro/v1');
    expect(createClient({ adapter: genrex, apiKey: 'k' }).baseUrl).toBe('https://api.genrex.io/v1');
  });

  it('validates a 2xx body with a schema and types the value', async () => {
    const schema = z.object({ id: z.string(), agents: z.array(z.object({ id: z.string() })) });
    const ok = await genClient().request('/me', { schema });
    expect(ok._unsafeUnwrap().agents[0]!.id).toBe('agent_456');
    const bad = await genClient().request('/me', { schema: z.object({ id: z.number() }) });
    expect(bad._unsafeUnwrapErr()).toMatchObject({ kind: 'invalid_response', code: 'schema_mismatch', retryable: false });
    server.script('GET /v1/me', [{ status: 200, text: 'not json' }]);
    const notJson = await genClient().request('/me');
    expect(notJson._unsafeUnwrapErr()).toMatchObject({ kind: 'invalid_response', code: 'invalid_json' });
    expect(server.requestsFor('GET /v1/me')).toHaveLength(3);
  });

  it('a GenRex 200 whose body says success: false is an err, and a failed job is never retried', async () => {
    server.planJobs([{ failAt: 'researching' }]);
    const client = genrexClient();
    const { id } = (await client.request('/document/create', { method: 'POST', body: { prompt: 'x' } }))._unsafeUnwrap() as { id: string };
    const status = await client.request(`/document/${id}`);
    expect(status._unsafeUnwrapErr()).toMatchObject({ kind: 'generation_failed', step: 'researching', code: 'RESEARCH_ERROR', retryable: true, status: 200, outcome: 'rejected' });
    expect(server.requestsFor(`GET /v1/document/${id}`)).toHaveLength(1);
  });
});

describe('retries', () => {
  it('503, 503, 200: ok after 3 requests', async () => {
    server.script('GET /v1/me', [{ type: 'empty_503' }, { type: 'empty_503' }]);
    const result = await genClient().request('/me');
    expect(result.isOk()).toBe(true);
    expect(server.requestsFor('GET /v1/me')).toHaveLength(3);
  });

  it('401: one request, not retried', async () => {
    const result = await createClient({ adapter: gen, apiKey: 'wrong_key_123456', baseUrl: server.baseUrl, retry: fast }).request('/me');
    expect(result._unsafeUnwrapErr()).toMatchObject({ kind: 'authentication', code: 'unauthorized', outcome: 'rejected' });
    expect(server.requests).toHaveLength(1);
  });

  it('POST 500: one request (the server may have acted)', async () => {
    server.script('POST /v1/document/create', [{ status: 500, body: { success: false, error: { message: 'boom' } } }]);
    const result = await genrexClient().request('/document/create', { method: 'POST', body: { prompt: 'x' } });
    expect(result._unsafeUnwrapErr()).toMatchObject({ kind: 'server', status: 500, outcome: 'unknown', retryable: true });
    expect(result._unsafeUnwrapErr().attempts).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
  });

  it('POST 500 with an idempotency key: 4 requests, the same key on each', async () => {
    server.script('POST /v1/document/create', Array.from({ length: 4 }, () => ({ status: 500, text: '' })));
    const result = await genrexClient().request('/document/create', { method: 'POST', body: { prompt: 'x' }, idempotencyKey: true });
    expect(result._unsafeUnwrapErr()).toMatchObject({ kind: 'server', outcome: 'unknown' });
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('POST 429 and POST 503 with Retry-After are retried (the server did not act); a later 502 stops the POST', async () => {
    server.script('POST /v1/document/create', [{ type: 'rate_limit', retryAfter: 0 }, { type: 'empty_503', retryAfter: 0 }]);
    expect((await genrexClient().request('/document/create', { method: 'POST', body: { prompt: 'x' } })).isOk()).toBe(true);
    expect(server.requests).toHaveLength(3);
    server.reset();
    server.script('POST /v1/document/create', [{ type: 'empty_503', retryAfter: 0 }, { type: 'html_502' }, { type: 'empty_503', retryAfter: 0 }]);
    const err = (await genrexClient().request('/document/create', { method: 'POST', body: { prompt: 'x' } }))._unsafeUnwrapErr();
    expect(err).toMatchObject({ kind: 'server', status: 502, outcome: 'unknown' });
    expect(err.attempts!.map((a) => a.status)).toEqual([503, 502]);
    expect(server.requests).toHaveLength(2);
  });

  it('POST opt-in: retryUnsafe retries a 500', async () => {
    server.script('POST /v1/document/create', [{ status: 500, text: '' }]);
    expect((await genrexClient().request('/document/create', { method: 'POST', body: { prompt: 'x' }, retryUnsafe: true })).isOk()).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('honours Retry-After of 1 s', async () => {
    server.script('GET /v1/me', [{ type: 'rate_limit', retryAfter: 1 }]);
    const started = performance.now();
    const result = await genClient().request('/me');
    const elapsed = performance.now() - started;
    expect(result.isOk()).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(990);
    expect(elapsed).toBeLessThan(3000);
    const [first, second] = server.requests;
    expect(second!.url).toBe(first!.url);
  });

  it('Retry-After 3600: returns at once with retryAfterMs for the caller to reschedule', async () => {
    server.script('GET /v1/me', [{ type: 'rate_limit', retryAfter: 3600 }]);
    const started = performance.now();
    const err = (await genClient().request('/me'))._unsafeUnwrapErr();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(err).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3_600_000, outcome: 'rejected' });
    expect(server.requests).toHaveLength(1);
  });

  it('a 408 is a retried timeout', async () => {
    server.script('GET /v1/me', [{ status: 408, text: '' }]);
    expect((await genClient().request('/me')).isOk()).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after maxRetries with the full attempt history and onRetry calls', async () => {
    server.script('GET /v1/me', Array.from({ length: 5 }, () => ({ type: 'empty_503' as const, retryAfter: 0 })));
    const calls: Array<[number, string, number]> = [];
    const client = genClient({ retry: { ...fast, maxRetries: 2 }, onRetry: (attempt, error, delayMs) => calls.push([attempt, error.code, delayMs]) });
    const err = (await client.request('/me'))._unsafeUnwrapErr();
    expect(err.attempts).toEqual([
      { kind: 'server', code: 'http_503', status: 503, outcome: 'rejected', retryAfterMs: 0, delayMs: 0 },
      { kind: 'server', code: 'http_503', status: 503, outcome: 'rejected', retryAfterMs: 0, delayMs: 0 },
      { kind: 'server', code: 'http_503', status: 503, outcome: 'rejected', retryAfterMs: 0 },
    ]);
    expect(calls).toEqual([[1, 'http_503', 0], [2, 'http_503', 0]]);
    valid(err);
  });

  it('retry: false makes one attempt', async () => {
    server.script('GET /v1/me', [{ type: 'empty_503' }]);
    expect((await genClient({ retry: false }).request('/me')).isErr()).toBe(true);
    expect(server.requests).toHaveLength(1);
  });
});

describe('time and cancellation', () => {
  it('an abort during a 5 s backoff ends the call with aborted at once', async () => {
    server.script('GET /v1/me', [{ type: 'rate_limit', retryAfter: 5 }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const err = (await genClient().request('/me', { signal: controller.signal }))._unsafeUnwrapErr();
    expect(performance.now() - started).toBeLessThan(800);
    expect(err).toMatchObject({ kind: 'aborted', retryable: false, outcome: 'rejected' });
    expect('status' in err).toBe(false);
  });

  it('an abort while waiting for the response: aborted, outcome unknown', async () => {
    server.script('POST /v1/document/create', [{ type: 'hang' }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const err = (await genrexClient().request('/document/create', { method: 'POST', body: { prompt: 'x' }, signal: controller.signal }))._unsafeUnwrapErr();
    expect(err).toMatchObject({ kind: 'aborted', outcome: 'unknown' });
  });

  it('an already aborted signal: not_sent, no request', async () => {
    const err = (await genClient().request('/me', { signal: AbortSignal.abort() }))._unsafeUnwrapErr();
    expect(err).toMatchObject({ kind: 'aborted', outcome: 'not_sent' });
    expect(server.requests).toHaveLength(0);
  });

  it('a server that never answers: timeout, retried for GET', async () => {
    server.script('GET /v1/me', [{ type: 'hang' }, { type: 'hang' }]);
    const started = performance.now();
    const err = (await genClient({ timeoutMs: 100, retry: { ...fast, maxRetries: 1 } }).request('/me'))._unsafeUnwrapErr();
    expect(performance.now() - started).toBeLessThan(2000);
    expect(err).toMatchObject({ kind: 'timeout', code: 'timeout', outcome: 'unknown', retryable: true });
    expect('status' in err).toBe(false);
    expect(server.requests).toHaveLength(2);
  });

  it('a total deadline: attempts stop and a backoff that would overrun it is not slept', async () => {
    server.script('GET /v1/me', [{ type: 'hang' }]);
    const err = (await genClient({ deadlineMs: 150 }).request('/me'))._unsafeUnwrapErr();
    expect(err).toMatchObject({ kind: 'timeout', code: 'deadline_exceeded' });
    server.reset();
    server.script('GET /v1/me', [{ type: 'rate_limit', retryAfter: 2 }]);
    const started = performance.now();
    const limited = (await genClient({ deadlineMs: 1000 }).request('/me'))._unsafeUnwrapErr();
    expect(performance.now() - started).toBeLessThan(500);
    expect(limited).toMatchObject({ kind: 'rate_limited', retryAfterMs: 2000 });
  });
});

describe('network faults', () => {
  it('a closed port: network, not_sent, and POST is retried since nothing was sent', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    let calls = 0;
    const client = createClient({
      adapter: genrex,
      apiKey: FAKE_GENREX_KEY,
      baseUrl: `http://127.0.0.1:${port}/v1`,
      retry: { ...fast, maxRetries: 2 },
      onRetry: () => calls++,
    });
    const err = (await client.request('/document/create', { method: 'POST', body: { prompt: 'x' } }))._unsafeUnwrapErr();
    expect(err).toMatchObject({ kind: 'network', code: 'network_error', outcome: 'not_sent', retryable: true });
    expect(err.message).toContain('ECONNREFUSED');
    expect(calls).toBe(2);
  });

  it('a reset after sending: network, unknown; GET retried, POST not', async () => {
    server.script('GET /v1/me', [{ type: 'reset' }]);
    expect((await genClient().request('/me')).isOk()).toBe(true);
    server.reset();
    server.script('POST /v1/document/create', [{ type: 'reset' }]);
    const err = (await genrexClient().request('/document/create', { method: 'POST', body: { prompt: 'x' } }))._unsafeUnwrapErr();
    expect(err).toMatchObject({ kind: 'network', outcome: 'unknown' });
    expect(server.requests).toHaveLength(1);
  });

  it('a connection dropped mid-body of a 200', async () => {
    server.script('GET /v1/me', [{ type: 'drop_mid_body' }]);
    const err = (await genClient({ retry: false }).request('/me'))._unsafeUnwrapErr();
    expect(err).toMatchObject({ kind: 'network', code: 'body_read_error', outcome: 'unknown' });
  });

  it('a 50 MiB error body is read only up to the bound', async () => {
    server.script('GET /v1/me', [{ type: 'huge', status: 500 }]);
    const started = performance.now();
    const err = (await genClient({ retry: false }).request('/me'))._unsafeUnwrapErr();
    expect(performance.now() - started).toBeLessThan(2000);
    expect(err).toMatchObject({ kind: 'server', status: 500 });
    expect(JSON.stringify(err).length).toBeLessThan(12_000);
  });

  it('a throwing custom fetch becomes an err, never a rejection', async () => {
    const client = createClient({
      adapter: gen,
      apiKey: FAKE_GEN_KEY,
      retry: false,
      fetch: () => {
        throw new Error('kaboom');
      },
    });
    const err = (await client.request('/me'))._unsafeUnwrapErr();
    expect(err).toMatchObject({ kind: 'network', message: 'kaboom' });
    expect(() => createClient({ adapter: gen, apiKey: 'x', baseUrl: 'not a url' })).toThrow(/`baseUrl`/);
  });
});

describe('secrets', () => {
  it('scrubs a key the provider echoes back, and never copies request headers', async () => {
    server.script('GET /v1/document/job_1', [
      { status: 401, body: { success: false, error: { code: 'INVALID_API_KEY', message: `Key ${FAKE_GENREX_KEY} is not valid` }, echo: `Bearer ${FAKE_GENREX_KEY}` } },
    ]);
    const err = (await genrexClient().request('/document/job_1'))._unsafeUnwrapErr();
    const json = JSON.stringify(err);
    expect(json).not.toContain(FAKE_GENREX_KEY);
    expect(err.message).toBe('Key [REDACTED] is not valid');
    expect((err.raw as { echo: string }).echo).toBe('Bearer [REDACTED]');
    expect(json).not.toMatch(/x-api-key|idempotency-key|"accept"/i);
  });
});

describe('load', () => {
  it('200 concurrent calls with 20% 503s all resolve; none rejects', async () => {
    const faults = Array.from({ length: 200 }, (_, i) => (i % 5 === 0 ? ({ type: 'empty_503' } as const) : ('pass' as const)));
    server.script('GET /v1/me', faults);
    const client = genClient();
    const settled = await Promise.allSettled(Array.from({ length: 200 }, () => client.request('/me')));
    expect(settled.every((s) => s.status === 'fulfilled')).toBe(true);
    const oks = settled.filter((s) => s.status === 'fulfilled' && s.value.isOk()).length;
    expect(oks).toBe(200);
  });

  it('a sustained 503 outage: 400 calls make at most 1.5x requests; retries come back after it', async () => {
    const outage = await startFakeServer({ faults: { 'GET /v1/me': Array.from({ length: 5000 }, () => ({ type: 'empty_503' as const })) } });
    try {
      const client = createClient({ adapter: gen, apiKey: FAKE_GEN_KEY, baseUrl: outage.baseUrl, retry: { baseDelayMs: 0, maxDelayMs: 0 } });
      for (let i = 0; i < 400; i++) expect((await client.request('/me')).isErr()).toBe(true);
      const sent = outage.requests.length;
      expect(sent).toBeLessThanOrEqual(600);
      expect(sent).toBeLessThanOrEqual(500); // the default budget's own bound: 500 tokens / 5 per retry
      expect(client.budget!.available).toBeLessThan(5);

      outage.reset(); // the outage ends
      for (let i = 0; i < 10; i++) expect((await client.request('/me')).isOk()).toBe(true);
      outage.script('GET /v1/me', [{ type: 'empty_503' }]);
      expect((await client.request('/me')).isOk()).toBe(true);
      expect(outage.requests).toHaveLength(12);
    } finally {
      await outage.close();
    }
  });
});

describe('option edges', () => {
  it('timeoutMs 0 or Infinity means no per-attempt limit, while a deadline still applies', async () => {
    server.script('GET /v1/me', [{ type: 'delay', ms: 150 }, { type: 'delay', ms: 150 }, { type: 'hang' }]);
    expect((await genClient({ timeoutMs: 0 }).request('/me')).isOk()).toBe(true);
    expect((await genClient({ timeoutMs: Number.POSITIVE_INFINITY }).request('/me')).isOk()).toBe(true);
    const err = (await genClient({ timeoutMs: 0, deadlineMs: 100 }).request('/me'))._unsafeUnwrapErr();
    expect(err).toMatchObject({ kind: 'timeout', code: 'deadline_exceeded' });
  });

  it('nonsense retry numbers are refused at construction, naming the option', () => {
    expect(() => genClient({ retry: { maxRetries: Number.NaN } })).toThrow(/`retry\.maxRetries`/);
    expect(() => genClient({ retry: { baseDelayMs: -5 } })).toThrow(/`retry\.baseDelayMs`/);
    expect(() => genClient({ retry: { maxDelayMs: Number.NaN } })).toThrow(TypeError);
  });

  it('an Idempotency-Key sent as a plain header lets a POST retry; a stream body is never resent', async () => {
    server.script('POST /v1/document/create', [{ status: 500, text: '' }]);
    const keyed = await genrexClient().request('/document/create', { method: 'POST', body: { prompt: 'x' }, headers: { 'Idempotency-Key': 'h-1' } });
    expect(keyed.isOk()).toBe(true);
    expect(server.requests).toHaveLength(2);
    server.reset();
    server.script('POST /v1/document/create', [{ type: 'empty_503', retryAfter: 0 }]);
    const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('{"prompt":"x"}')), c.close()) });
    const once = await genrexClient().request('/document/create', { method: 'POST', body: stream, headers: { 'content-type': 'application/json' } });
    expect(once._unsafeUnwrapErr()).toMatchObject({ kind: 'server', status: 503 });
    expect(server.requests).toHaveLength(1);
  });
});
