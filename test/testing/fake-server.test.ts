import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_GEN_KEY, FAKE_GENREX_KEY, type FakeServer, startFakeServer } from '../../src/testing/index.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer({ genrex: { jobs: [{ failAt: 'images' }] } });
});
afterAll(() => server.close());

const gen = (path: string, init: RequestInit = {}) => fetch(`${server.baseUrl}${path}`, { ...init, headers: { 'x-api-key': FAKE_GEN_KEY } });
const genrex = (path: string, init: RequestInit = {}) =>
  fetch(`${server.baseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${FAKE_GENREX_KEY}`, 'content-type': 'application/json' } });

describe('startFakeServer', () => {
  it('listens on 127.0.0.1 and logs requests', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await gen('/me');
    expect(server.requestsFor('GET /v1/me').at(-1)!.headers['x-api-key']).toBe(FAKE_GEN_KEY);
  });

  it('checks auth the way each provider does', async () => {
    expect(await (await fetch(`${server.baseUrl}/me`)).json()).toEqual({ error: 'Missing or invalid API key', error_code: 'unauthorized' });
    const none = await fetch(`${server.baseUrl}/document/create`, { method: 'POST' });
    expect(await none.json()).toMatchObject({ success: false, error: { code: 'UNAUTHENTICATED' } });
    const wrong = await fetch(`${server.baseUrl}/document/create`, { method: 'POST', headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'INVALID_API_KEY' } });
  });

  it('runs a GenRex job through its steps and fails it where planned', async () => {
    const created = await (await genrex('/document/create', { method: 'POST', body: JSON.stringify({ prompt: 'x' }) })).json();
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const body = await (await genrex(`/document/${created.id}`)).json();
      seen.push(body.status);
      if (body.status === 'failed') {
        expect(body).toMatchObject({ success: false, error: { step: 'images', code: 'IMAGE_GENERATION_ERROR' } });
        break;
      }
    }
    expect(seen).toEqual(['researching', 'generating', 'failed']);
    const next = await (await genrex('/document/create', { method: 'POST', body: JSON.stringify({ prompt: 'y' }) })).json();
    const statuses: string[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await (await genrex(`/document/${next.id}`)).json()).status);
    expect(statuses).toEqual(['researching', 'generating', 'images', 'audio', 'completed']);
  });

  it('plays scripted faults in order, then the provider', async () => {
    server.script('GET /v1/me', [{ type: 'empty_503', retryAfter: 3 }, { type: 'html_502' }, { fixture: 'gen/permission-denied' }]);
    const a = await gen('/me');
    expect([a.status, a.headers.get('retry-after'), await a.text()]).toEqual([503, '3', '']);
    const b = await gen('/me');
    expect([b.status, (await b.text()).includes('<html>')]).toEqual([502, true]);
    expect((await gen('/me')).status).toBe(403);
    expect((await gen('/me')).status).toBe(200);
  });

  it('drops a connection mid-body and streams a huge body on request', async () => {
    server.script('GET /v1/me', [{ type: 'drop_mid_body' }, { type: 'huge', bytes: 3_000_000 }]);
    await expect((await gen('/me')).text()).rejects.toThrow();
    expect((await (await gen('/me')).arrayBuffer()).byteLength).toBe(3_000_000);
  });
});
