import { err, ok } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import '../../src/testing/vitest.js';
import { createClient, genrex } from '../../src/index.js';
import { faultlineMatchers } from '../../src/testing/vitest.js';
import { createMockFetch } from '../../src/testing/index.js';

describe('faultline/testing/vitest matchers', () => {
  const failure = err({ kind: 'rate_limited', provider: 'genrex', code: 'RATE_LIMIT_EXCEEDED', message: 'slow', hint: 'wait', retryable: true } as const);

  it('match Results by ok, err, kind and code, negated too', async () => {
    expect(ok(1)).toBeOk();
    expect(failure).toBeErr();
    expect(failure).toBeErrKind('rate_limited');
    expect(failure).toBeErrCode('RATE_LIMIT_EXCEEDED');
    expect(failure).not.toBeOk();
    expect(ok(1)).not.toBeErr();
    expect(failure).not.toBeErrKind('server');
    const client = createClient({ adapter: genrex, apiKey: 'grx_key_0123456789', fetch: createMockFetch({ routes: { 'GET /v1/document/d1': ['genrex/rate-limit-exceeded'] } }), retry: false });
    expect(await client.request('/document/d1')).toBeErrKind('rate_limited');
  });

  it('say what they got when they fail', () => {
    expect(() => expect(ok({ id: 1 })).toBeErrKind('rate_limited')).toThrow(/expected err of kind rate_limited, got ok\(\{"id":1\}\)/);
    expect(() => expect(failure).toBeOk()).toThrow(/expected ok, got err\(rate_limited\/RATE_LIMIT_EXCEEDED: slow\)/);
    expect(() => expect('nope').toBeErr()).toThrow(/not a Result: "nope"/);
    expect(faultlineMatchers.toBeErrCode(failure, 'X').pass).toBe(false);
  });
});

describe('a stricter kit', () => {
  it('an unknown fixture name throws in the test, naming the known ones, instead of becoming a network error', async () => {
    expect(() => createMockFetch({ routes: { 'GET /v1/me': ['gen/unauthorised' as never] } })).toThrow(/no gen fixture named "unauthorised"\. Known: .*unauthorized/);
    expect(() => createMockFetch({ routes: { 'GET /v1/me': ['nobody/x' as never] } })).toThrow(/no fixture "nobody\/x": fixtures are named "provider\/name" with a provider of .*problem-json/);
    const { startFakeServer } = await import('../../src/testing/index.js');
    await expect(startFakeServer({ faults: { 'GET /v1/me': [{ fixture: 'gen/nope' as never }] } })).rejects.toThrow(/no gen fixture named "nope"/);
  });

  it('script() refuses a route the fake server does not serve, naming the ones it does', async () => {
    const { startFakeServer } = await import('../../src/testing/index.js');
    const server = await startFakeServer();
    try {
      expect(() => server.script('GET /v1/documents/d1', [{ type: 'empty_503' }])).toThrow(/does not serve "GET \/v1\/documents\/d1"\. Routes .*GET \/v1\/document\/:id/);
      expect(() => server.script('get /v1/me', [{ type: 'empty_503' }])).toThrow(/does not serve/);
      expect(() => server.script('GET /v1/document/document_0001', [{ type: 'empty_503' }])).not.toThrow();
    } finally {
      await server.close();
    }
    await expect(startFakeServer({ faults: { 'POST /v1/me': [{ type: 'hang' }] } })).rejects.toThrow(/does not serve "POST \/v1\/me"/);
  });

  it('account state changes per test without a second server, and reset() restores it', async () => {
    const { FAKE_GENREX_KEY, startFakeServer } = await import('../../src/testing/index.js');
    const server = await startFakeServer();
    try {
      const client = createClient({ adapter: genrex, apiKey: FAKE_GENREX_KEY, baseUrl: server.baseUrl, retry: false });
      const create = () => client.request('/document/create', { method: 'POST', body: { prompt: 'x' } });
      expect(await create()).toBeOk();
      expect(server.account({ genrex: { credits: 0 } }).genrex.credits).toBe(0);
      expect(await create()).toBeErrCode('INSUFFICIENT_CREDITS');
      server.account({ genrex: { disabled: true, credits: 5 } });
      expect(await create()).toBeErrCode('ACCOUNT_DISABLED');
      server.account({ genrex: { disabled: false, apiKey: 'grx_rotated_key_000000' } });
      expect(await create()).toBeErrCode('INVALID_API_KEY');
      server.reset();
      expect(server.requests).toHaveLength(0);
      expect(await create()).toBeOk();
    } finally {
      await server.close();
    }
  });
});
