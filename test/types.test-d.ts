import { match } from 'ts-pattern';
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { ResultAsync } from 'neverthrow';
import { z as zod } from 'zod';
import * as zm from 'zod/mini';
import { z as zod3 } from 'zod3';
import * as v from 'valibot';
import { createClient, type ErrorKind, type ErrorResult, ErrorResultSchema, gen, type Outcome, unwrapOrThrow } from '../src/index.js';

type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

declare const error: ErrorResult;

describe('ErrorResult types', () => {
  it('narrows on kind', () => {
    if (error.kind === 'generation_failed') {
      expectTypeOf(error.step).toEqualTypeOf<string>();
    }
    if (error.kind === 'network' || error.kind === 'aborted') {
      expectTypeOf(error.status).toEqualTypeOf<undefined>();
    }
    if (error.kind === 'timeout') {
      expectTypeOf(error.status).toEqualTypeOf<408 | undefined>();
    }
    if (error.kind === 'server') {
      expectTypeOf(error.status).toEqualTypeOf<number | undefined>();
      expectTypeOf(error.step).toEqualTypeOf<string | undefined>();
    }
    expectTypeOf(error.outcome).toEqualTypeOf<Outcome | undefined>();
  });

  it('lists exactly the kinds of the design', () => {
    type _kinds = Expect<
      Equal<
        ErrorKind,
        | 'authentication' | 'permission' | 'not_found' | 'invalid_request' | 'insufficient_credits' | 'conflict'
        | 'rate_limited' | 'server' | 'generation_failed' | 'content_policy' | 'network' | 'timeout' | 'aborted'
        | 'invalid_response' | 'unknown'
      >
    >;
  });

  it('what the schema parses narrows on kind like any ErrorResult', () => {
    const parsed = ErrorResultSchema.parse(JSON.parse('{}'));
    if (parsed.kind === 'generation_failed') expectTypeOf(parsed.step).toEqualTypeOf<string>();
    if (parsed.kind === 'timeout') expectTypeOf(parsed.status).toEqualTypeOf<408 | undefined>();
    expectTypeOf<z.output<typeof ErrorResultSchema>>().toEqualTypeOf<ErrorResult>();
  });

  it('an exhaustive match must handle every kind', () => {
    const all = match(error)
      .with({ kind: 'generation_failed' }, (e) => e.step)
      .with({ kind: 'content_policy' }, () => 'change the prompt')
      .with({ kind: 'rate_limited' }, { kind: 'server' }, { kind: 'network' }, { kind: 'timeout' }, () => 'retry')
      .with(
        { kind: 'authentication' }, { kind: 'permission' }, { kind: 'not_found' }, { kind: 'invalid_request' },
        { kind: 'insufficient_credits' }, { kind: 'conflict' }, { kind: 'aborted' }, { kind: 'invalid_response' },
        { kind: 'unknown' },
        () => 'give up',
      )
      .exhaustive();
    expectTypeOf(all).toEqualTypeOf<string>();

    const missing = match(error)
      .with({ kind: 'generation_failed' }, (e) => e.step)
      .with({ kind: 'rate_limited' }, () => 'retry')
      // @ts-expect-error -- thirteen kinds are not handled, so .exhaustive() does not compile
      .exhaustive();
    void missing;
  });
});

describe('client types', () => {
  const client = createClient({ adapter: gen, apiKey: 'k' });

  it('a schema types the ok value; without one it is unknown, or the type asked for', () => {
    const withSchema = client.request('/me', { schema: zod.object({ id: zod.string() }) });
    expectTypeOf(withSchema).toEqualTypeOf<ResultAsync<{ id: string }, ErrorResult>>();
    expectTypeOf(client.request('/me')).toEqualTypeOf<ResultAsync<unknown, ErrorResult>>();
    expectTypeOf(client.request<{ n: number }>('/me')).toEqualTypeOf<ResultAsync<{ n: number }, ErrorResult>>();
  });

  it('any Standard Schema types the ok value: zod 3, zod/mini, valibot', () => {
    expectTypeOf(client.request('/me', { schema: zod3.object({ id: zod3.string(), n: zod3.number().optional() }) })).toEqualTypeOf<
      ResultAsync<{ id: string; n?: number | undefined }, ErrorResult>
    >();
    expectTypeOf(client.request('/me', { schema: zm.object({ id: zm.string() }) })).toEqualTypeOf<ResultAsync<{ id: string }, ErrorResult>>();
    expectTypeOf(client.request('/me', { schema: v.object({ id: v.string() }) })).toEqualTypeOf<ResultAsync<{ id: string }, ErrorResult>>();
    // A schema whose output is not what the caller asked for does not compile.
    // @ts-expect-error -- the schema makes { id: string }, not { n: number }
    void client.request<{ n: number }>('/me', { schema: zod3.object({ id: zod3.string() }) });
    // @ts-expect-error -- a plain object is no schema
    void client.request('/me', { schema: { parse: (x: unknown) => x } });
  });

  it('waitForJob: ok is typed by its schema; progress.state is the four-state union', () => {
    expectTypeOf(client.waitForJob('/document/d1', { schema: v.object({ status: v.literal('completed') }) })).toEqualTypeOf<
      ResultAsync<{ status: 'completed' }, ErrorResult>
    >();
    expectTypeOf(client.waitForJob('/document/d1')).toEqualTypeOf<ResultAsync<unknown, ErrorResult>>();
    void client.waitForJob('/document/d1', {
      onProgress: (progress) => {
        expectTypeOf(progress.state).toEqualTypeOf<'pending' | 'running' | 'succeeded' | 'failed'>();
        expectTypeOf(progress.step).toEqualTypeOf<string | undefined>();
        expectTypeOf(progress.polls).toEqualTypeOf<number>();
      },
    });
    // @ts-expect-error -- a state reader returns one of the four states
    void client.waitForJob('/document/d1', { state: () => ({ state: 'queued' }) });
  });

  it('unwrapOrThrow gives a Promise of the ok type', () => {
    expectTypeOf(unwrapOrThrow(client.request('/me', { schema: v.object({ id: v.string() }) }))).toEqualTypeOf<Promise<{ id: string }>>();
  });

  it('rejects options that do not exist', () => {
    // @ts-expect-error -- retries are configured with retry.maxRetries
    createClient({ adapter: gen, apiKey: 'k', retries: 3 });
    // @ts-expect-error -- idempotencyKey is a string or true
    void client.request('/me', { idempotencyKey: 42 });
  });
});
