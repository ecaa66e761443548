import { describe, expect, it } from 'vitest';
import { type ClientHooks, createClient, genrex } from '../../src/index.js';
import { ok, reply, type TestServer, useTwoServers } from '../support/servers.js';

const KEY = 'grx_live_HOOKkey_0123456789abcdef';
let api: TestServer;
useTwoServers((a) => {
  api = a;
});

function recorder(): { events: string[]; hooks: ClientHooks } {
  const events: string[] = [];
  return {
    events,
    hooks: {
      onRequestStart: ({ call }) => events.push(`start ${call.method} ${new URL(call.url).pathname} job=${call.job}`),
      onAttemptStart: ({ attempt, resend }) => events.push(`attempt ${attempt} resend=${resend}`),
      onAttemptEnd: ({ attempt, status, error, durationMs }) => events.push(`attempt ${attempt} end ${status ?? '-'} ${error?.kind ?? 'ok'} ${error?.outcome ?? ''} ${durationMs >= 0}`),
      onRetry: ({ attempt, delayMs, error }) => events.push(`retry after ${attempt} in ${delayMs} (${error.attempts?.length})`),
      onRequestEnd: ({ attempts, error }) => events.push(`end ${attempts} ${error?.code ?? 'ok'}`),
    },
  };
}

describe('hooks', () => {
  it('tell a call from start to end: attempts with status, kind, outcome and timing; retries with their delay', async () => {
    const { events, hooks } = recorder();
    api.answer(reply(503, { 'retry-after': '0' }, ''), ok({ id: 1 }));
    const calls: unknown[] = [];
    const c = createClient({ adapter: genrex, apiKey: KEY, baseUrl: `${api.origin}/v1`, retry: { baseDelayMs: 1, random: () => 0 }, hooks, onRetry: (...args) => calls.push(args) });
    expect((await c.request('/document/d1')).isOk()).toBe(true);
    expect(events).toEqual([
      'start GET /v1/document/d1 job=false',
      'attempt 1 resend=0',
      'attempt 1 end 503 server rejected true',
      'retry after 1 in 0 (1)',
      'attempt 2 resend=1',
      'attempt 2 end 200 ok  true',
      'end 2 ok',
    ]);
    expect(calls).toHaveLength(1);
  });

  it('a call refused before sending ends with no attempts; a job is one call', async () => {
    const { events, hooks } = recorder();
    const c = createClient({ adapter: genrex, apiKey: KEY, baseUrl: `${api.origin}/v1`, hooks });
    await c.request('https://elsewhere.test/x');
    api.answer(ok({ status: 'researching' }), ok({ status: 'completed' }));
    await c.waitForJob('/document/d1', { intervalMs: 1, maxIntervalMs: 1 });
    expect(events).toEqual([
      `start GET /v1 job=false`,
      'end 0 invalid_path',
      'start GET /v1/document/d1 job=true',
      'attempt 1 resend=0',
      'attempt 1 end 200 ok  true',
      'attempt 2 resend=0',
      'attempt 2 end 200 ok  true',
      'end 2 ok',
    ]);
  });

  it('refuses hooks that are not functions', () => {
    for (const name of ['onRequestStart', 'onAttemptStart', 'onAttemptEnd', 'onRetry', 'onRequestEnd']) {
      expect(() => createClient({ adapter: genrex, apiKey: KEY, hooks: { [name]: 'x' } as never })).toThrow(new RegExp(`\`hooks\\.${name}\``));
    }
  });
});
