import { describe, expect, it } from 'vitest';
import {
  type BreakerChangeEvent,
  type ClientOptions,
  createClient,
  createMemoryStore,
  ErrorResultSchema,
  genrex,
  type StateStore,
} from '../../src/index.js';
import { ok, reply, startServer, type TestServer, useTwoServers } from '../support/servers.js';

// The breaker, the pause and the budget as a client's caller sees them, against real local servers.

const KEY = 'grx_live_SECRETkey_0123456789abcdef';
const fast = { baseDelayMs: 1, maxDelayMs: 5, random: () => 0 };
const breaker = { failureThreshold: 3, openMs: 200, maxOpenMs: 1000 };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let api: TestServer;
let other: TestServer;
useTwoServers((a, b) => {
  api = a;
  other = b;
});

const client = (extra: Partial<ClientOptions> = {}, server = api) =>
  createClient({ adapter: genrex, apiKey: KEY, baseUrl: `${server.origin}/v1`, retry: fast, ...extra });
const outage = reply(503, { 'content-type': 'text/html' }, '<html>down</html>');

describe('circuit breaker', () => {
  it('is off by default: every call keeps sending', async () => {
    api.answer(outage);
    const c = client({ retry: false });
    for (let i = 0; i < 10; i++) expect((await c.request('/x'))._unsafeUnwrapErr().code).toBe('http_503');
    expect(api.seen).toHaveLength(10);
  });

  it('opens after failureThreshold outage attempts (retries count), stops that call, and refuses unsent until the open period ends', async () => {
    api.answer(outage);
    const c = client({ breaker, retry: { ...fast, maxRetries: 10 } });
    const first = (await c.request('/x'))._unsafeUnwrapErr();
    expect(api.seen).toHaveLength(3);
    expect(first).toMatchObject({ kind: 'server', code: 'circuit_open', retryable: true, outcome: 'unknown' });
    expect(first.attempts!.map((a) => a.code)).toEqual(['http_503', 'http_503', 'http_503']);
    const refused = (await c.request('/x', { method: 'POST', body: { paid: true } }))._unsafeUnwrapErr();
    expect(api.seen).toHaveLength(3);
    expect(refused).toMatchObject({ kind: 'server', code: 'circuit_open', outcome: 'not_sent', retryable: true, attempts: [] });
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(200);
    expect(refused.hint).toMatch(/not sent/);
    expect(ErrorResultSchema.safeParse(JSON.parse(JSON.stringify(refused))).success).toBe(true);
  });

  it('lets one probe through after openMs, even to 20 concurrent calls; its success closes it', async () => {
    const events: BreakerChangeEvent[] = [];
    api.answer(outage);
    const c = client({ breaker, retry: false, hooks: { onBreakerChange: (e) => events.push(e) } });
    for (let i = 0; i < 3; i++) await c.request('/x');
    await wait(220);
    api.seen.length = 0;
    api.answer((_req, res) => setTimeout(() => ok({ ok: true })(_req, res), 50));
    const results = await Promise.all(Array.from({ length: 20 }, () => c.request('/x')));
    expect(api.seen).toHaveLength(1);
    expect(results.filter((r) => r.isOk())).toHaveLength(1);
    expect(results.filter((r) => r.isErr()).every((r) => r._unsafeUnwrapErr().code === 'circuit_open')).toBe(true);
    expect((await c.request('/x')).isOk()).toBe(true);
    expect(events).toEqual([
      { scope: `genrex:${api.origin}`, from: 'closed', to: 'open' },
      { scope: `genrex:${api.origin}`, from: 'open', to: 'half_open' },
      { scope: `genrex:${api.origin}`, from: 'half_open', to: 'closed' },
    ]);
  });

  it("a failed probe re-opens it for twice as long; an open period is never shorter than the provider's Retry-After", async () => {
    api.answer(outage);
    const c = client({ breaker, retry: false });
    for (let i = 0; i < 3; i++) await c.request('/x');
    await wait(220);
    await c.request('/x'); // the probe, failing
    const refused = (await c.request('/x'))._unsafeUnwrapErr();
    expect(refused.retryAfterMs).toBeGreaterThan(300);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(400);

    other.answer(reply(503, { 'retry-after': '2' }, ''));
    const d = client({ breaker, retry: false }, other);
    for (let i = 0; i < 3; i++) await d.request('/x');
    expect((await d.request('/x'))._unsafeUnwrapErr().retryAfterMs).toBeGreaterThan(1800);
  });

  it('any other answer from the server resets the count: 4xx, 429, success', async () => {
    const c = client({ breaker, retry: false });
    for (const next of [reply(400, {}, ''), reply(429, {}, ''), ok({})]) {
      api.answer(outage);
      await c.request('/x');
      await c.request('/x');
      api.answer(next);
      await c.request('/x');
    }
    api.answer(outage);
    await c.request('/x');
    await c.request('/x');
    expect((await c.request('/x'))._unsafeUnwrapErr().code).toBe('http_503');
    expect(api.seen).toHaveLength(12);
  });

  it('network failures count; aborts do not', async () => {
    const dead = await startServer();
    const origin = dead.origin;
    await dead.close();
    const c = createClient({ adapter: genrex, apiKey: KEY, baseUrl: `${origin}/v1`, retry: false, breaker });
    for (let i = 0; i < 3; i++) expect((await c.request('/x'))._unsafeUnwrapErr().kind).toBe('network');
    expect((await c.request('/x'))._unsafeUnwrapErr().code).toBe('circuit_open');

    api.answer((_req, res) => setTimeout(() => ok({})(_req, res), 300));
    const d = client({ breaker, retry: false });
    for (let i = 0; i < 5; i++) {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 10);
      expect((await d.request('/x', { signal: controller.signal }))._unsafeUnwrapErr().kind).toBe('aborted');
    }
    expect((await d.request('/x')).isOk()).toBe(true);
  });

  it('is per provider: clients sharing a store share it, another origin is untouched', async () => {
    const store = createMemoryStore();
    api.answer(outage);
    const a = client({ breaker, retry: false, store });
    const b = createClient({ adapter: genrex, apiKey: 'grx_live_another_account_key_000000', baseUrl: `${api.origin}/v1`, retry: false, breaker, store });
    for (let i = 0; i < 3; i++) await a.request('/x');
    expect((await b.request('/x'))._unsafeUnwrapErr().code).toBe('circuit_open');
    expect((await client({ breaker, retry: false, store }, other).request('/x')).isOk()).toBe(true);
    expect(api.seen).toHaveLength(3);
  });

  it('a job wait outlives an open breaker: refused polls are waited out, the probe poll finishes it', async () => {
    api.answer(outage, outage, outage, ok({ status: 'completed', id: 'd1' }));
    const c = client({ breaker: { failureThreshold: 3, openMs: 150, maxOpenMs: 1000 } });
    const done = await c.waitForJob('/document/d1', { intervalMs: 20, maxIntervalMs: 40, deadlineMs: 5000 });
    expect(done._unsafeUnwrap()).toMatchObject({ status: 'completed' });
    // Three failing polls opened it; polls while open were never sent; one probe poll closed it.
    expect(api.seen).toHaveLength(4);
  });

  it('a hook that throws changes nothing', async () => {
    api.answer(outage);
    const c = client({
      breaker,
      retry: false,
      hooks: {
        onBreakerChange: () => {
          throw new Error('observer bug');
        },
      },
    });
    for (let i = 0; i < 3; i++) await c.request('/x');
    expect((await c.request('/x'))._unsafeUnwrapErr().code).toBe('circuit_open');
  });
});

describe('rate-limit pause', () => {
  const limited = (seconds: string) => reply(429, { 'retry-after': seconds, 'content-type': 'application/json' }, JSON.stringify({ success: false, error: { code: 'RATE_LIMIT_EXCEEDED', message: 'slow down' } }));

  it("a 429 with Retry-After pauses the account: a sharing client's next request waits it out and is sent once", async () => {
    const store = createMemoryStore();
    api.answer(limited('1'), ok({ ok: true }));
    const a = client({ rateLimitPause: true, store, retry: false });
    const b = client({ rateLimitPause: true, store });
    expect((await a.request('/x'))._unsafeUnwrapErr()).toMatchObject({ kind: 'rate_limited', retryAfterMs: 1000 });
    const limitedAt = api.seen[0]!.at;
    const started = Date.now();
    expect((await b.request('/x', { method: 'POST', body: { paid: 1 } })).isOk()).toBe(true);
    expect(Date.now() - started).toBeGreaterThan(850);
    expect(api.seen).toHaveLength(2);
    expect(api.seen[1]!.at - limitedAt).toBeGreaterThanOrEqual(950);
  });

  it('ends at once, unsent, when the wait does not fit the deadline or maxRetryAfterMs', async () => {
    const store = createMemoryStore();
    api.answer(limited('30'));
    await client({ rateLimitPause: true, store, retry: false }).request('/x');
    const started = Date.now();
    const byDeadline = (await client({ rateLimitPause: true, store }).request('/x', { deadlineMs: 5000 }))._unsafeUnwrapErr();
    expect(byDeadline).toMatchObject({ kind: 'rate_limited', code: 'rate_limit_pause', outcome: 'not_sent', retryable: true });
    expect(byDeadline.retryAfterMs).toBeGreaterThan(29_000);
    const byCap = (await client({ rateLimitPause: true, store, retry: { ...fast, maxRetryAfterMs: 10_000 } }).request('/x'))._unsafeUnwrapErr();
    expect(byCap.code).toBe('rate_limit_pause');
    expect(Date.now() - started).toBeLessThan(200);
    expect(api.seen).toHaveLength(1);
    expect(ErrorResultSchema.safeParse(JSON.parse(JSON.stringify(byCap))).success).toBe(true);
  });

  it('is per account, off by default, and an abort ends the wait', async () => {
    const store = createMemoryStore();
    api.answer(limited('30'), ok({}));
    await client({ rateLimitPause: true, store, retry: false }).request('/x');
    const otherAccount = createClient({ adapter: genrex, apiKey: 'grx_live_another_account_key_000000', baseUrl: `${api.origin}/v1`, rateLimitPause: true, store });
    expect((await otherAccount.request('/x')).isOk()).toBe(true);
    expect((await client({ store, retry: false }).request('/x')).isOk()).toBe(true);

    api.answer(limited('1'));
    const s2 = createMemoryStore();
    await client({ rateLimitPause: true, store: s2, retry: false }).request('/x');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const aborted = (await client({ rateLimitPause: true, store: s2 }).request('/x', { signal: controller.signal }))._unsafeUnwrapErr();
    expect(aborted).toMatchObject({ kind: 'aborted', outcome: 'not_sent' });
    expect(Date.now() - started).toBeLessThan(300);
  });
});

describe('the store', () => {
  it('keeps the retry budget per account: clients sharing a store and a key share a bucket', async () => {
    const store = createMemoryStore();
    api.answer(outage);
    const budget = { capacity: 10, retryCost: 5 };
    const a = client({ store, retry: { ...fast, budget } });
    const b = client({ store, retry: { ...fast, budget } });
    await a.request('/x'); // 1 + 2 retries: the bucket is empty
    expect(api.seen).toHaveLength(3);
    expect(b.budget!.available).toBe(0);
    await b.request('/x');
    expect(api.seen).toHaveLength(4);
    const c = createClient({ adapter: genrex, apiKey: 'grx_live_another_account_key_000000', baseUrl: `${api.origin}/v1`, retry: { ...fast, budget }, store });
    await c.request('/x');
    expect(api.seen).toHaveLength(7);
  });

  it('names the account by a hash: the key is in no scope it is given', async () => {
    const scopes: string[] = [];
    const spy = createMemoryStore();
    const store: StateStore = {
      admit: (q) => (scopes.push(JSON.stringify(q)), spy.admit(q)),
      record: (r) => (scopes.push(JSON.stringify(r)), spy.record(r)),
    };
    api.answer(reply(429, { 'retry-after': '0' }, ''), ok({}));
    await client({ store, breaker, rateLimitPause: true }).request('/x');
    expect(scopes.length).toBeGreaterThan(2);
    for (const text of scopes) {
      expect(text).not.toContain(KEY.slice(0, 8));
      expect(text).not.toContain(KEY.slice(-8));
    }
    expect(JSON.parse(scopes[0]!).scope.account).toMatch(new RegExp(`^genrex:${api.origin}:[0-9a-f]{32}$`));
  });

  it('a store that throws or rejects decides nothing: calls go and retries are paid', async () => {
    const broken: StateStore[] = [
      {
        admit: () => {
          throw new Error('store bug');
        },
        record: () => {
          throw new Error('store bug');
        },
      },
      { admit: () => Promise.reject(new Error('down')), record: () => Promise.reject(new Error('down')) },
    ];
    for (const store of broken) {
      api.seen.length = 0;
      api.answer(outage, ok({ ok: true }));
      expect((await client({ store, breaker, rateLimitPause: true }).request('/x')).isOk()).toBe(true);
      expect(api.seen).toHaveLength(2);
    }
  });

  it('refuses bad options with a TypeError naming them', () => {
    const cases: [Partial<ClientOptions>, RegExp][] = [
      [{ breaker: 'yes' as never }, /`breaker`/],
      [{ breaker: { failureThreshold: 0 } }, /`breaker\.failureThreshold`/],
      [{ breaker: { failureThreshold: 1.5 } }, /`breaker\.failureThreshold`/],
      [{ breaker: { openMs: -1 } }, /`breaker\.openMs`/],
      [{ breaker: { openMs: 10_000, maxOpenMs: 5000 } }, /`breaker\.maxOpenMs`/],
      [{ rateLimitPause: 'on' as never }, /`rateLimitPause`/],
      [{ store: {} as never }, /`store`/],
      [{ hooks: 1 as never }, /`hooks`/],
      [{ hooks: { onBreakerChange: 1 as never } }, /`hooks\.onBreakerChange`/],
    ];
    for (const [options, message] of cases) expect(() => client(options)).toThrow(message);
    expect(() => client({ breaker: true, rateLimitPause: false, store: createMemoryStore() })).not.toThrow();
  });
});
