import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, gen, genrex } from '../../src/index.js';
import { FAKE_GEN_KEY, FAKE_GENREX_KEY } from '../../src/testing/index.js';
import { mswHandlers, providerHandlers } from '../../src/testing/msw.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('mswHandlers', () => {
  it('plays scripted answers and fixtures through MSW', async () => {
    server.use(
      ...mswHandlers({
        'POST /v1/document/create': [{ status: 503, headers: { 'retry-after': '0' } }, { status: 201, body: { success: true, id: 'doc_1', status: 'queued' } }],
        'GET /v1/document/:id': 'genrex/job-failed-audio',
      }),
    );
    const client = createClient({ adapter: genrex, apiKey: 'grx_key_0123456789', retry: { baseDelayMs: 1, random: () => 0 } });
    const created = await client.request('/document/create', { method: 'POST', body: { prompt: 'x' } });
    expect(created._unsafeUnwrap()).toMatchObject({ id: 'doc_1' });
    const status = await client.request('/document/doc_1');
    expect(status._unsafeUnwrapErr()).toMatchObject({ kind: 'generation_failed', step: 'audio', code: 'AUDIO_GENERATION_ERROR' });
  });

  it('simulates a network error', async () => {
    server.use(...mswHandlers({ 'GET /v1/document/:id': { network: 'reset' } }, { baseUrl: 'https://api.genrex.io/v1' }));
    const client = createClient({ adapter: genrex, apiKey: 'grx_key_0123456789', retry: false });
    expect((await client.request('/document/x'))._unsafeUnwrapErr()).toMatchObject({ kind: 'network' });
  });
});

describe('providerHandlers', () => {
  it('play GEN and GenRex in MSW as the fake server does: auth, jobs, faults', async () => {
    const providers = providerHandlers({ genrex: { jobs: [{ failAt: 'generating', code: 'CONTENT_MODERATION' }] } });
    server.use(...providers.handlers);
    const gr = createClient({ adapter: genrex, apiKey: FAKE_GENREX_KEY, retry: { baseDelayMs: 1, random: () => 0 } });
    providers.script('POST /v1/document/create', [{ type: 'empty_503', retryAfter: 0 }]);
    const created = await gr.request<{ id: string }>('/document/create', { method: 'POST', body: { prompt: 'x' } });
    expect(providers.requestsFor('POST /v1/document/create')).toHaveLength(2);
    const id = created._unsafeUnwrap().id;
    expect((await gr.request(`/document/${id}`))._unsafeUnwrap()).toMatchObject({ status: 'researching' });
    expect((await gr.request(`/document/${id}`))._unsafeUnwrapErr()).toMatchObject({ kind: 'content_policy', step: 'generating' });
    const wrongKey = createClient({ adapter: gen, apiKey: 'gen_wrong_key_000000' });
    expect((await wrongKey.request('/me'))._unsafeUnwrapErr()).toMatchObject({ kind: 'authentication', code: 'unauthorized' });
    const g = createClient({ adapter: gen, apiKey: FAKE_GEN_KEY, retry: false, timeoutMs: 100 });
    providers.script('GET /v1/me', [{ type: 'huge', status: 500, bytes: 5_000_000 }, { type: 'drop_mid_body' }, { type: 'reset' }, { type: 'delay', ms: 5 }, { type: 'hang' }]);
    expect((await g.request('/me'))._unsafeUnwrapErr()).toMatchObject({ kind: 'server', status: 500 });
    expect((await g.request('/me'))._unsafeUnwrapErr()).toMatchObject({ kind: 'network', code: 'body_read_error' });
    expect((await g.request('/me'))._unsafeUnwrapErr()).toMatchObject({ kind: 'network' });
    expect((await g.request('/me')).isOk()).toBe(true);
    expect((await g.request('/me'))._unsafeUnwrapErr()).toMatchObject({ kind: 'timeout' });
  });
});

describe('jobs in MSW', () => {
  it('providerHandlers play job plans as the fake server does: waitForJob reports the failed step', async () => {
    const providers = providerHandlers({ genrex: { jobs: [{ failAt: 'audio' }, { steps: ['researching'] }] } });
    server.use(...providers.handlers);
    const client = createClient({ adapter: genrex, apiKey: FAKE_GENREX_KEY, retry: { baseDelayMs: 1, random: () => 0 } });
    const first = (await client.request<{ id: string }>('/document/create', { method: 'POST', body: { prompt: 'x' } }))._unsafeUnwrap();
    const failed = await client.waitForJob(`/document/${first.id}`, { intervalMs: 1, maxIntervalMs: 2 });
    expect(failed._unsafeUnwrapErr()).toMatchObject({ kind: 'generation_failed', step: 'audio', code: 'AUDIO_GENERATION_ERROR' });
    const second = (await client.request<{ id: string }>('/document/create', { method: 'POST', body: { prompt: 'y' } }))._unsafeUnwrap();
    providers.script(`GET /v1/document/${second.id}`, [{ type: 'empty_503' }]);
    expect((await client.waitForJob(`/document/${second.id}`, { intervalMs: 1, maxIntervalMs: 2 }))._unsafeUnwrap()).toMatchObject({ status: 'completed' });
  });
});
