// The testing kit from a consumer that uses node:test, not vitest, importing the built package by name.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient, genrex } from 'faultline';
import { createMockFetch, FAKE_GENREX_KEY, fixtures, startFakeServer, toResponse } from 'faultline/testing';


describe('faultline/testing under node:test', () => {
  let server;
  before(async () => {
    server = await startFakeServer({ genrex: { jobs: [{ failAt: 'audio' }] } });
  });
  after(() => server.close());

  it('a job that fails at audio is generation_failed with step audio', async () => {
    const client = createClient({ adapter: genrex, apiKey: FAKE_GENREX_KEY, baseUrl: server.baseUrl });
    const created = await client.request('/document/create', { method: 'POST', body: { prompt: 'x' } });
    assert.ok(created.isOk());
    let status;
    do status = await client.request(`/document/${created.value.id}`);
    while (status.isOk() && status.value.status !== 'completed');
    assert.ok(status.isErr());
    assert.equal(status.error.kind, 'generation_failed');
    assert.equal(status.error.step, 'audio');
  });

  it('toResponse gives a real Response', async () => {
    const response = toResponse(fixtures.genrex['rate-limit-exceeded']);
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '2');
  });

  it('a scripted mock fetch retries a 503 then succeeds', async () => {
    const fetch = createMockFetch({ routes: { 'GET /v1/document/:id': [{ status: 503 }, fixtures.genrex['success-job-completed']] } });
    const client = createClient({ adapter: genrex, apiKey: FAKE_GENREX_KEY, fetch, retry: { baseDelayMs: 1 } });
    const result = await client.request('/document/abc');
    assert.ok(result.isOk());
    assert.equal(fetch.calls.length, 2);
  });
});
