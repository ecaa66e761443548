import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.js';
import { runScenario, scenarios } from '../src/cli/demo/scenarios.js';
import { classify, createClient, createRetryBudget, fromResponse, gen, genrex } from '../src/index.js';
import { kindBehavior } from '../src/errors/kind-behavior.js';
import { errorCode, thrownOutcome } from '../src/http/outcome.js';
import { scrubValue, secretScrubber } from '../src/classify/scrub-secrets.js';
import { sleep } from '../src/client/sleep.js';
import { parseHttpDate } from '../src/http/http-date.js';
import { createMockFetch, FAKE_GEN_KEY, FAKE_GENREX_KEY, startFakeServer } from '../src/testing/index.js';

describe('demo scenarios', () => {
  it('report a mismatch when a scenario does not get what it expects', async () => {
    const row = await runScenario({ ...scenarios[0]!, expected: { kind: 'server', code: 'nope', step: 'x', attempts: 9 } });
    expect(row.mismatch).toBe('kind authentication, expected server; code unauthorized, expected nope; step , expected x; attempts 1, expected 9');
  });
});

describe('cli', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), stdin: async () => '' } };
  };

  it('prints help and version', async () => {
    const a = io();
    expect(await runCli(['--help'], a.io)).toBe(0);
    expect(a.out.join('')).toContain('faultline classify');
    const b = io();
    expect(await runCli([], b.io)).toBe(2);
    const c = io();
    expect(await runCli(['--version'], c.io)).toBe(0);
    expect(c.out.join('')).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('serve runs the fake server in process until a signal', async () => {
    const a = io();
    const done = runCli(['serve', '--port', '0', '--scenario', 'flaky', '--scenario', 'no-credits'], a.io);
    for (let i = 0; i < 100 && a.out.length === 0; i++) await sleep(10);
    const url = /(http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(a.out.join(''))![1]!;
    expect((await fetch(`${url}/me`, { headers: { 'x-api-key': FAKE_GEN_KEY } })).status).toBe(503);
    process.emit('SIGTERM');
    expect(await done).toBe(0);
    const bad = io();
    expect(await runCli(['serve', '--port', '99999'], bad.io)).toBe(2);
    const extra = io();
    expect(await runCli(['classify', '--provider', 'gen', 'a', 'b'], extra.io)).toBe(2);
  });
});

describe('small pieces', () => {
  it('kindBehavior falls back to unknown for a kind it does not know', () => {
    expect(kindBehavior('bogus' as never)).toEqual(kindBehavior('unknown'));
  });

  it('sleep resolves false at once for an aborted signal, and early on abort', async () => {
    expect(await sleep(10_000, AbortSignal.abort())).toBe(false);
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort();
    expect(await pending).toBe(false);
    expect(await sleep(1)).toBe(true);
  });

  it('parseHttpDate rejects impossible parts', () => {
    expect(parseHttpDate('Sun Foo  6 08:49:37 1994')).toBeUndefined();
    expect(parseHttpDate('Sun, 06 Nov 1994 25:49:37 GMT')).toBeUndefined();
    expect(parseHttpDate('Sun, 00 Nov 1994 08:49:37 GMT')).toBeUndefined();
  });

  it('scrubValue returns the same value when nothing needs scrubbing, and replaces keys and values too', () => {
    const scrub = secretScrubber(['secret_key_123']);
    const big = { n: 10n, list: ['a', 'b'] };
    expect(scrubValue(big, scrub)).toBe(big);
    expect(scrubValue({ secret_key_123: 'x' }, scrub)).toEqual({ '[REDACTED]': 'x' });
    expect(scrubValue(['ok', 'Bearer secret_key_123'], scrub)).toEqual(['ok', 'Bearer [REDACTED]']);
    expect(scrubValue(undefined, scrub)).toBeUndefined();
    // A `__proto__` key stays an own data key of the copy, never its prototype.
    const hostile = JSON.parse('{"__proto__": {"polluted": "secret_key_123"}}') as object;
    const copy = scrubValue(hostile, scrub) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({ polluted: '[REDACTED]' });
  });

  it('secretScrubber removes any 8-character run of a key, wherever a cut fell', () => {
    const key = 'nk_live_0123456789abcdef';
    const scrub = secretScrubber([key]);
    expect(scrub(`a ${key} b`)).toBe('a [REDACTED] b');
    expect(scrub(`cut ${key.slice(0, -1)}`)).toBe('cut [REDACTED]');
    expect(scrub(`cut ${key.slice(1)}`)).toBe('cut [REDACTED]');
    expect(scrub(`part ${key.slice(5, 13)} and ${key.slice(5, 12)}`)).toBe(`part [REDACTED] and ${key.slice(5, 12)}`);
    expect(scrub(`${key}${key}`)).toBe('[REDACTED]');
    expect(secretScrubber(['short'])('short')).toBe('short');
  });

  it('errorCode finds codes in causes and AggregateErrors', () => {
    const aggregate = new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })]);
    expect(errorCode(new TypeError('fetch failed', { cause: aggregate }))).toBe('ECONNREFUSED');
    expect(thrownOutcome(new TypeError('fetch failed', { cause: aggregate }))).toBe('not_sent');
    expect(thrownOutcome('weird')).toBe('unknown');
  });

  it('classify and fromResponse survive a hostile input and a broken body', async () => {
    const input = Object.defineProperty({ status: 500 }, 'body', { get: () => { throw new Error('boom'); } });
    expect(classify(gen, input as never)._unsafeUnwrapErr().kind).toBe('server');
    const broken = new Response(new ReadableStream({ start: (c) => c.error(new Error('torn')) }), { status: 200 });
    expect((await fromResponse(gen, broken))._unsafeUnwrapErr()).toMatchObject({ kind: 'network', code: 'body_read_error', outcome: 'unknown' });
    const evil = Object.defineProperty(new Response('x', { status: 200 }), 'body', { get: () => { throw 'not an error'; } });
    expect((await fromResponse(gen, evil))._unsafeUnwrapErr()).toMatchObject({ kind: 'network', message: expect.stringContaining('not an error') });
    const noStatus = { get status() { throw new Error('no'); } } as unknown as Response;
    expect((await fromResponse(gen, noStatus))._unsafeUnwrapErr()).toMatchObject({ kind: 'invalid_response', code: 'unreadable_response' });
    const html200 = await fromResponse(gen, new Response('<html>', { status: 200 }));
    expect(html200._unsafeUnwrapErr()).toMatchObject({ kind: 'invalid_response', code: 'invalid_json', status: 200 });
  });

  it('client: a body on GET, raw bodies, shared budget, throwing hook', async () => {
    const fetch = createMockFetch({ routes: { 'POST /v1/document/create': [{ status: 503, headers: { 'retry-after': '0' } }, { status: 201, body: { id: 1 } }] } });
    const shared = createRetryBudget();
    const client = createClient({
      adapter: genrex,
      apiKey: FAKE_GENREX_KEY,
      fetch,
      headers: { 'X-Trace': 't1' },
      retry: { baseDelayMs: 0, budget: shared },
      onRetry: () => {
        throw new Error('hook bug');
      },
    });
    expect((await client.request('/document/x', { body: { a: 1 } }))._unsafeUnwrapErr()).toMatchObject({ code: 'body_not_allowed', outcome: 'not_sent' });
    const created = await client.request('/document/create', { method: 'post', body: 'raw text', headers: { 'Content-Type': 'text/plain' } });
    expect(created.isOk()).toBe(true);
    expect(fetch.calls[0]).toMatchObject({ method: 'POST', body: 'raw text' });
    expect(fetch.calls[0]!.headers['content-type']).toBe('text/plain');
    expect(fetch.calls[0]!.headers['x-trace']).toBe('t1');
    expect(shared.available).toBe(500);
    const noBudget = createClient({ adapter: genrex, apiKey: FAKE_GENREX_KEY, fetch, retry: { budget: false } });
    expect(noBudget.budget).toBeUndefined();
  });
});

describe('fake server: the rest of its routes', () => {
  it('plays GEN workspaces, generation, job stop and unknown paths', async () => {
    const server = await startFakeServer({ gen: { credits: 15 } });
    try {
      const h = { 'x-api-key': FAKE_GEN_KEY };
      expect((await fetch(`${server.baseUrl}/workspaces/ws_1`, { headers: h })).status).toBe(200);
      const gen1 = await (await fetch(`${server.baseUrl}/autocontentengine/sheet_123/generate?agent_id=agent_456`, { method: 'POST', headers: h })).json();
      expect(gen1).toMatchObject({ status: 'running' });
      expect((await fetch(`${server.baseUrl}/jobs/${gen1.job_id}/stop`, { method: 'POST', headers: h })).status).toBe(200);
      expect((await fetch(`${server.baseUrl}/jobs/${gen1.job_id}/stop`, { method: 'POST', headers: h })).status).toBe(422);
      expect((await fetch(`${server.baseUrl}/nothing`, { headers: h })).status).toBe(404);
      expect((await fetch(`${server.url}/v2/me`, { headers: h })).status).toBe(404);
      const g = { authorization: `Bearer ${FAKE_GENREX_KEY}` };
      expect((await fetch(`${server.baseUrl}/document/create`, { method: 'POST', headers: g, body: '{bad' })).status).toBe(400);
      expect((await fetch(`${server.baseUrl}/document/weird`, { method: 'PUT', headers: g })).status).toBe(404);
      const research = await (await fetch(`${server.baseUrl}/research/create`, { method: 'POST', headers: g, body: '{"prompt":"x"}' })).json();
      const r1 = await (await fetch(`${server.baseUrl}/research/${research.id}`, { headers: g })).json();
      const r2 = await (await fetch(`${server.baseUrl}/research/${research.id}`, { headers: g })).json();
      expect([r1.status, r2.status]).toEqual(['researching', 'completed']);
      server.script('GET /v1/me', [{ type: 'delay', ms: 5, then: { fixture: 'gen/unauthorized', delayMs: 5 } }, { status: 418, text: 'teapot', delayMs: 5 }]);
      expect((await fetch(`${server.baseUrl}/me`, { headers: h })).status).toBe(401);
      expect((await fetch(`${server.baseUrl}/me`, { headers: h })).status).toBe(418);
      server.script('GET /v1/me', [{ type: 'empty_503' }, { type: 'rate_limit' }]);
      expect((await fetch(`${server.baseUrl}/me`, { headers: h })).headers.get('retry-after')).toBeNull();
      expect(await (await fetch(`${server.baseUrl}/me`, { headers: h })).json()).toEqual({ error: 'Too many requests' });
    } finally {
      await server.close();
    }
  });

  it('mock fetch reset replays the original script', async () => {
    const fetch = createMockFetch({ routes: { 'GET /v1/me': [{ status: 503 }, { status: 200 }] } });
    expect((await fetch('https://x.test/v1/me')).status).toBe(503);
    fetch.reset();
    expect(fetch.calls).toHaveLength(0);
    expect((await fetch('https://x.test/v1/me')).status).toBe(503);
    const aborted = fetch('https://x.test/v1/me', { signal: AbortSignal.abort('stop') });
    await expect(aborted).rejects.toBe('stop');
  });
});
