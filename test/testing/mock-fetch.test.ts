import { describe, expect, it } from 'vitest';
import { createClient, gen, genrex } from '../../src/index.js';
import { allFixtures, createMockFetch, fixtures, toResponse } from '../../src/testing/index.js';

describe('toResponse', () => {
  it('gives a real Response with the fixture status, headers and body', async () => {
    const fixture = fixtures.gen['unavailable-503-empty']!;
    const response = toResponse(fixture);
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.text()).toBe('');
    const unauthorized = toResponse(fixtures.gen.unauthorized!);
    expect(await unauthorized.json()).toEqual({ error: 'Missing or invalid API key', error_code: 'unauthorized' });
  });

  it('has typed fixtures for both providers with their expectations', () => {
    expect(allFixtures.length).toBeGreaterThan(40);
    expect(fixtures.genrex['job-failed-images']!.expected).toMatchObject({ ok: false, kind: 'generation_failed', step: 'images' });
  });
});

describe('createMockFetch', () => {
  it('plays a scripted sequence per route (last answer repeats) and records the calls', async () => {
    const mock = createMockFetch({
      routes: {
        'GET /v1/me': [{ status: 503 }, { status: 503 }, { status: 200, body: { id: 'user_1' } }],
      },
    });
    const client = createClient({ adapter: gen, apiKey: 'gen_key_0123456789', fetch: mock, retry: { baseDelayMs: 1, random: () => 0 } });
    const result = await client.request('/me', { query: { a: 1 } });
    expect(result._unsafeUnwrap()).toEqual({ id: 'user_1' });
    expect(mock.calls).toHaveLength(3);
    expect(mock.calls[0]).toMatchObject({ method: 'GET', url: 'https://api.gen.pro/v1/me?a=1' });
    expect(mock.calls[0]!.headers['x-api-key']).toBe('gen_key_0123456789');
    expect((await client.request('/me')).isOk()).toBe(true);
    expect(mock.callsFor('GET /v1/me')).toHaveLength(4);
  });

  it('answers from fixtures by name or object, with :param routes', async () => {
    const mock = createMockFetch({
      routes: {
        'POST /v1/document/create': 'genrex/insufficient-credits',
        'GET /v1/document/:id': fixtures.genrex['job-failed-moderation']!,
      },
    });
    const client = createClient({ adapter: genrex, apiKey: 'grx_key_0123456789', fetch: mock });
    const created = await client.request('/document/create', { method: 'POST', body: { prompt: 'x' } });
    expect(created._unsafeUnwrapErr()).toMatchObject({ kind: 'insufficient_credits', code: 'INSUFFICIENT_CREDITS', outcome: 'rejected' });
    expect(mock.calls[0]!.body).toBe('{"prompt":"x"}');
    const status = await client.request('/document/abc');
    expect(status._unsafeUnwrapErr()).toMatchObject({ kind: 'content_policy', step: 'generating' });
  });

  it('simulates network failures and hangs the way Node fetch fails', async () => {
    const mock = createMockFetch({ routes: { 'GET /v1/me': { network: 'refused' }, 'GET /v1/slow': { hang: true } } });
    const client = createClient({ adapter: gen, apiKey: 'gen_key_0123456789', fetch: mock, retry: false, timeoutMs: 50 });
    expect((await client.request('/me'))._unsafeUnwrapErr()).toMatchObject({ kind: 'network', outcome: 'not_sent' });
    expect((await client.request('/slow'))._unsafeUnwrapErr()).toMatchObject({ kind: 'timeout', outcome: 'unknown' });
  });

  it('fails loudly for an unscripted route', async () => {
    const mock = createMockFetch();
    await expect(mock('https://api.gen.pro/v1/nope')).rejects.toThrow(/no answer for GET \/v1\/nope/);
    const withFallback = createMockFetch({ fallback: { status: 404, body: { error: 'x', error_code: 'not_found' } } });
    expect((await withFallback('https://api.gen.pro/v1/nope')).status).toBe(404);
  });
});
