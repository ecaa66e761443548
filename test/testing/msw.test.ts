import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, genrex } from '../../src/index.js';
import { mswHandlers } from '../../src/testing/msw.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('mswHandlers', () => {
  it('plays scripted answers and fixtures through MSW', async () => {
    server.use(
      ...mswHandlers({
        'POST /v1/document/create': [{ status: 503 }, { status: 201, body: { success: true, id: 'doc_1', status: 'queued' } }],
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
