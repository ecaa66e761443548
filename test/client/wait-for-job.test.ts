import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { classify, type ClientOptions, createClient, defineAdapter, ErrorResultSchema, genrex, type JobProgress } from '../../src/index.js';
import { FAKE_GENREX_KEY, type FakeServer, startFakeServer } from '../../src/testing/index.js';
import { leaks, ok, reply, startServer, type TestServer } from '../support/servers.js';

let server: FakeServer;
let plain: TestServer;
beforeAll(async () => {
  server = await startFakeServer();
  plain = await startServer();
});
afterAll(async () => {
  await server.close();
  await plain.close();
});
afterEach(() => {
  server.reset();
  plain.seen.length = 0;
});

const fast = { baseDelayMs: 1, maxDelayMs: 5, random: () => 0 };
const client = (extra: Partial<ClientOptions> = {}) =>
  createClient({ adapter: genrex, apiKey: FAKE_GENREX_KEY, baseUrl: server.baseUrl, retry: fast, ...extra });
const cadence = { intervalMs: 10, maxIntervalMs: 20 };

async function submit(c = client()): Promise<string> {
  const created = await c.request<{ id: string }>('/document/create', { method: 'POST', body: { prompt: 'x' }, idempotencyKey: true });
  return created._unsafeUnwrap().id;
}
const statusPolls = (id: string) => server.requestsFor(`GET /v1/document/${id}`);

describe('waitForJob against the fake GenRex', () => {
  it('a job that finishes: ok with its body, each step reported once, only GETs polled', async () => {
    const id = await submit();
    const progress: JobProgress[] = [];
    const done = await client().waitForJob(`/document/${id}`, {
      ...cadence,
      onProgress: (p) => progress.push(p),
      schema: v.object({ status: v.literal('completed'), result: v.object({ words: v.number() }) }),
    });
    expect(done._unsafeUnwrap().result.words).toBe(800);
    expect(progress.map((p) => [p.state, p.step, p.polls])).toEqual([
      ['running', 'researching', 1],
      ['running', 'generating', 2],
      ['running', 'images', 3],
      ['running', 'audio', 4],
      ['succeeded', undefined, 5],
    ]);
    expect(statusPolls(id).every((r) => r.method === 'GET')).toBe(true);
    expect(server.requests.filter((r) => r.method !== 'GET')).toHaveLength(1);
  });

  it('a job that fails at images: exactly the ErrorResult classify gives for that body, never resubmitted', async () => {
    server.planJobs([{ failAt: 'images' }]);
    const id = await submit();
    const error = (await client().waitForJob(`/document/${id}`, cadence))._unsafeUnwrapErr();
    const body = { success: false, id, status: 'failed', error: { step: 'images', message: 'images failed', code: 'IMAGE_GENERATION_ERROR' } };
    const expected = classify(genrex, { status: 200, body })._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: expected.kind, code: expected.code, step: 'images', hint: expected.hint, retryable: true, status: 200 });
    expect(error.attempts).toHaveLength(3);
    expect(server.requestsFor('POST /v1/document/create')).toHaveLength(1);
    expect(ErrorResultSchema.safeParse(JSON.parse(JSON.stringify(error))).success).toBe(true);
    expect(leaks(error, FAKE_GENREX_KEY)).toEqual([]);
  });

  it('a moderated job is content_policy at its step', async () => {
    server.planJobs([{ failAt: 'generating', code: 'CONTENT_MODERATION' }]);
    const id = await submit();
    expect((await client().waitForJob(`/document/${id}`, cadence))._unsafeUnwrapErr()).toMatchObject({ kind: 'content_policy', step: 'generating', retryable: false });
  });

  it('a flaky status endpoint (503, reset, 429 + Retry-After) does not end the wait; no poll comes before the Retry-After', async () => {
    const id = await submit();
    server.script(`GET /v1/document/${id}`, [{ type: 'empty_503' }, { type: 'reset' }, { type: 'rate_limit', retryAfter: 1 }]);
    const result = await client({ retry: false }).waitForJob(`/document/${id}`, cadence);
    expect(result.isOk()).toBe(true);
    const polls = statusPolls(id);
    expect(polls).toHaveLength(3 + 5);
    const times = polls.map((r) => r.at);
    expect(times[3]! - times[2]!).toBeGreaterThanOrEqual(990);
  });

  it('a job that never ends: timeout/job_deadline_exceeded at the deadline, with the last step, retryable', async () => {
    server.planJobs([{ never: true, steps: ['researching', 'generating'] }]);
    const id = await submit();
    const started = Date.now();
    const error = (await client().waitForJob(`/document/${id}`, { intervalMs: 20, maxIntervalMs: 40, deadlineMs: 300 }))._unsafeUnwrapErr();
    const elapsed = Date.now() - started;
    expect(error).toMatchObject({ kind: 'timeout', code: 'job_deadline_exceeded', step: 'generating', retryable: true, outcome: 'rejected' });
    expect(error.message).toMatch(/running at generating/);
    const polls = statusPolls(id);
    // A last poll at the deadline, none after it.
    expect(polls.at(-1)!.at - started).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(300 + 400);
    expect(error.attempts).toHaveLength(polls.length);
  });

  it('steps that take time: stepMs walks the job by the clock, not by the polls', async () => {
    server.planJobs([{ stepMs: 60, steps: ['researching', 'generating'] }]);
    const id = await submit();
    const progress: string[] = [];
    const result = await client().waitForJob(`/document/${id}`, { intervalMs: 15, maxIntervalMs: 15, onProgress: (p) => progress.push(`${p.state}:${p.step ?? ''}`) });
    expect(result.isOk()).toBe(true);
    expect(progress).toEqual(['running:researching', 'running:generating', 'succeeded:']);
    expect(statusPolls(id).length).toBeGreaterThan(4);
  });

  it('an abort between polls ends the wait within a few ms, and no poll follows', async () => {
    server.planJobs([{ never: true }]);
    const id = await submit();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 60);
    const started = Date.now();
    const error = (await client().waitForJob(`/document/${id}`, { intervalMs: 5000, signal: controller.signal }))._unsafeUnwrapErr();
    expect(error.kind).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(60 + 150);
    const count = statusPolls(id).length;
    await new Promise((r) => setTimeout(r, 50));
    expect(statusPolls(id)).toHaveLength(count);
  });

  it('an abort during a poll ends the wait within a few ms', async () => {
    const id = await submit();
    server.script(`GET /v1/document/${id}`, [{ type: 'hang' }]);
    const started = Date.now();
    const error = (await client().waitForJob(`/document/${id}`, { ...cadence, signal: AbortSignal.timeout(60) }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'aborted', outcome: 'unknown' });
    expect(Date.now() - started).toBeLessThan(60 + 150);
  });
});

describe('waitForJob against a plain server', () => {
  const plainClient = (extra: Partial<ClientOptions> = {}) =>
    createClient({ adapter: genrex, apiKey: FAKE_GENREX_KEY, baseUrl: `${plain.origin}/v1`, retry: false, ...extra });

  it('a 401 mid-wait ends it at once', async () => {
    plain.answer(ok({ success: true, status: 'researching' }), ok({ success: false, error: { code: 'INVALID_API_KEY', message: 'revoked' } }, 401));
    const error = (await plainClient().waitForJob('/document/j1', cadence))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'authentication', code: 'INVALID_API_KEY' });
    expect(plain.seen).toHaveLength(2);
    expect(error.attempts!.map((a) => a.kind)).toEqual(['ok', 'authentication']);
    plain.answer(ok({ success: true, status: 'queued' }));
  });

  it('the cadence: the first poll at once, then waits in [intervalMs, min(maxIntervalMs, intervalMs * 2^(k-1))]', async () => {
    plain.answer(ok({ success: true, status: 'processing' }));
    const started = Date.now();
    await plainClient({ retry: { random: () => 1 } }).waitForJob('/document/j1', { intervalMs: 40, maxIntervalMs: 160, deadlineMs: 700 });
    const times = plain.seen.map((r) => r.at);
    expect(times[0]! - started).toBeLessThan(50);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    gaps.slice(0, -1).forEach((gap, i) => {
      const ceiling = Math.min(160, 40 * 2 ** i);
      expect(gap).toBeGreaterThanOrEqual(40 - 2);
      expect(gap).toBeLessThan(ceiling + 40);
    });
    // With random() = 1 every wait is at its ceiling: 40, 80, 160, 160, ...
    expect(gaps[0]).toBeGreaterThanOrEqual(38);
    expect(gaps[1]).toBeGreaterThanOrEqual(78);
    expect(gaps[2]).toBeGreaterThanOrEqual(158);
  });

  it("a user adapter's job facet, and a per-call state reader, decide the states", async () => {
    plain.answer(ok({ phase: 'busy' }), ok({ phase: 'busy' }), ok({ phase: 'ready', out: 1 }));
    const acme = defineAdapter({
      name: 'acme',
      baseUrl: 'https://api.acme.test',
      auth: (key) => ({ authorization: `Token ${key}` }),
      errorBody: v.object({ code: v.optional(v.string()) }),
      facts: (body) => ({ code: body.code }),
      job: (body) => ({ state: (body as { phase?: string }).phase === 'ready' ? 'succeeded' : 'running' }),
    });
    const c = createClient({ adapter: acme, apiKey: 'acme_key_0123456789', baseUrl: plain.origin, retry: false });
    expect((await c.waitForJob('/jobs/1', cadence))._unsafeUnwrap()).toEqual({ phase: 'ready', out: 1 });
    plain.answer(ok({ phase: 'broken', reason: 'disk' }));
    const failed = (await c.waitForJob('/jobs/2', { ...cadence, state: () => ({ state: 'failed', step: 'render' }) }))._unsafeUnwrapErr();
    expect(failed).toMatchObject({ kind: 'generation_failed', step: 'render', code: 'job_failed' });
    plain.answer(ok({ success: true, status: 'queued' }));
  });

  it('a rate limit longer than maxRetryAfterMs ends the wait with retryAfterMs for the caller', async () => {
    plain.answer(reply(429, { 'retry-after': '3600' }));
    const error = (await plainClient().waitForJob('/document/j1', cadence))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3_600_000 });
    expect(plain.seen).toHaveLength(1);
    plain.answer(ok({ success: true, status: 'queued' }));
  });
});
