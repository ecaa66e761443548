import type { StandardSchemaV1 } from '@standard-schema/spec';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z as zod4 } from 'zod';
import * as zm from 'zod/mini';
import { z as zod3 } from 'zod3';
import { createClient, defineAdapter, fromResponse, gen, normalize } from '../../src/index.js';
import { FAKE_GEN_KEY, type FakeServer, startFakeServer } from '../../src/testing/index.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());

const client = () => createClient({ adapter: gen, apiKey: FAKE_GEN_KEY, baseUrl: server.baseUrl, retry: false });

// GET /v1/me answers { id, email, credits, agents: [{ id, name }] }.
const schemas = {
  'zod 4': zod4.object({ id: zod4.string(), agents: zod4.array(zod4.object({ id: zod4.string() })) }),
  'zod/mini': zm.object({ id: zm.string(), agents: zm.array(zm.object({ id: zm.string() })) }),
  'zod 3': zod3.object({ id: zod3.string(), agents: zod3.array(zod3.object({ id: zod3.string() })) }),
  valibot: v.object({ id: v.string(), agents: v.array(v.object({ id: v.string() })) }),
};
const wrong = {
  'zod 4': zod4.object({ id: zod4.number() }),
  'zod/mini': zm.object({ id: zm.number() }),
  'zod 3': zod3.object({ id: zod3.number() }),
  valibot: v.object({ id: v.number() }),
};

describe('user schemas are any Standard Schema', () => {
  it.each(Object.keys(schemas) as (keyof typeof schemas)[])('%s: ok is the parsed value; a mismatch is invalid_response with the path', async (name) => {
    const okResult = await client().request('/me', { schema: schemas[name] });
    expect(okResult._unsafeUnwrap().agents[0]!.id).toBe('agent_456');
    const bad = (await client().request('/me', { schema: wrong[name] }))._unsafeUnwrapErr();
    expect(bad).toMatchObject({ kind: 'invalid_response', code: 'schema_mismatch', retryable: false, outcome: 'unknown' });
    expect(bad.message).toMatch(/^The 200 body does not match the schema: id: /);
  });

  it('an async validator works; one that throws or rejects is invalid_response/schema_error, never network', async () => {
    const asyncSchema = v.pipeAsync(v.object({ id: v.string() }), v.checkAsync(async (value) => value.id.startsWith('user'), 'not a user'));
    expect((await client().request('/me', { schema: asyncSchema }))._unsafeUnwrap().id).toBe('user_1');
    const throwing: StandardSchemaV1<unknown, never> = {
      '~standard': { version: 1, vendor: 'test', validate: () => { throw new Error('schema bug'); } },
    };
    const rejecting: StandardSchemaV1<unknown, never> = {
      '~standard': { version: 1, vendor: 'test', validate: () => Promise.reject(new Error('async schema bug')) },
    };
    for (const schema of [throwing, rejecting]) {
      const error = (await client().request('/me', { schema }))._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'invalid_response', code: 'schema_error' });
      expect(error.message).toMatch(/schema bug/);
      expect(error.attempts).toHaveLength(1);
    }
  });

  it('issues are bounded: five at most, each message cut, the rest counted', async () => {
    const many = zod4.object(Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`f${i}`, zod4.string().describe('x')])));
    const error = (await client().request('/me', { schema: many }))._unsafeUnwrapErr();
    expect(error.message.split('; ')).toHaveLength(5);
    expect(error.message).toContain('(+4 more)');
  });

  it('fromResponse takes one too', async () => {
    const response = new Response('{"id":"x"}', { status: 200 });
    expect((await fromResponse(gen, response, { schema: v.object({ id: v.string() }) }))._unsafeUnwrap()).toEqual({ id: 'x' });
  });

  it("defineAdapter's body schemas may be valibot (no zod); an async one never matches", () => {
    const acme = defineAdapter({
      name: 'acme',
      baseUrl: 'https://api.acme.test',
      auth: (key) => ({ authorization: `Token ${key}` }),
      errorBody: v.object({ fault: v.optional(v.object({ id: v.optional(v.string()), text: v.optional(v.string()) })) }),
      facts: (body) => ({ code: body.fault?.id, message: body.fault?.text }),
    });
    expect(normalize(acme, { status: 409, body: { fault: { id: 'FROZEN', text: 'frozen' } } })).toMatchObject({ code: 'FROZEN', message: 'frozen', kind: 'conflict' });
    const lazy = defineAdapter({
      name: 'lazy',
      baseUrl: 'https://api.lazy.test',
      auth: () => ({}),
      errorBody: () => v.pipeAsync(v.object({ code: v.string() })),
      facts: (body) => ({ code: body.code }),
    });
    expect(normalize(lazy, { status: 404, body: { code: 'X' } }).code).toBe('http_404');
  });
});
