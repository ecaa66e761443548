import { createRequire } from 'node:module';
import { errAsync, okAsync } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import { createClient, type ErrorResult, ErrorResultSchema, FaultlineError, gen, toError, unwrapOrThrow } from '../../src/index.js';
import { createMockFetch } from '../../src/testing/index.js';

const KEY = 'gen_live_SECRETkey_0123456789abcdef';
const rateLimited: ErrorResult = {
  kind: 'rate_limited',
  provider: 'genrex',
  code: 'RATE_LIMIT_EXCEEDED',
  message: 'Too many requests',
  hint: 'Wait for Retry-After, then retry.',
  retryable: true,
  retryAfterMs: 5000,
};

describe('FaultlineError', () => {
  it('is an Error with a [kind/code] message, its result and a cause', () => {
    const cause = new Error('socket hang up');
    const error = toError(rateLimited, { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(FaultlineError);
    expect(error.name).toBe('FaultlineError');
    expect(error.message).toBe('[rate_limited/RATE_LIMIT_EXCEEDED] Too many requests');
    expect(error.cause).toBe(cause);
    expect(error.stack).toContain('FaultlineError');
    expect(toError(error)).toBe(error);
  });

  it('its result round-trips through JSON and ErrorResultSchema', () => {
    const error = toError(rateLimited);
    const back = ErrorResultSchema.parse(JSON.parse(JSON.stringify(error.result)));
    expect(back).toEqual(rateLimited);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: 'FaultlineError', message: error.message, result: rateLimited });
  });

  it('is() recognises one from another copy of the package, where instanceof cannot', () => {
    // dist/index.cjs is a second module instance with its own class.
    const other = createRequire(import.meta.url)('../../dist/index.cjs') as { FaultlineError: typeof FaultlineError; toError: typeof toError };
    expect(other.FaultlineError).not.toBe(FaultlineError);
    const foreign = other.toError(rateLimited);
    expect(foreign instanceof FaultlineError).toBe(false);
    expect(FaultlineError.is(foreign)).toBe(true);
    expect(other.FaultlineError.is(toError(rateLimited))).toBe(true);
    expect(FaultlineError.is(new Error('x'))).toBe(false);
    expect(FaultlineError.is({ ...rateLimited })).toBe(false);
    expect(FaultlineError.is(null)).toBe(false);
  });

  it('never holds the API key in its message or stack', async () => {
    const fetch = createMockFetch({ routes: { 'GET /v1/me': { status: 401, body: { error: `Invalid key ${KEY}`, error_code: 'unauthorized' } } } });
    const client = createClient({ adapter: gen, apiKey: KEY, fetch });
    const thrown = await unwrapOrThrow(client.request('/me')).catch((e: unknown) => e);
    expect(FaultlineError.is(thrown)).toBe(true);
    const error = thrown as FaultlineError;
    expect(error.message).toBe('[authentication/unauthorized] Invalid key [REDACTED]');
    for (const text of [error.message, error.stack ?? '', JSON.stringify(error)]) {
      expect(text).not.toContain(KEY.slice(0, 12));
      expect(text).not.toContain(KEY.slice(-12));
    }
  });

  it('unwrapOrThrow resolves an ok and rejects an err, from a Result, a ResultAsync or a promise of one', async () => {
    await expect(unwrapOrThrow(okAsync(1))).resolves.toBe(1);
    await expect(unwrapOrThrow(errAsync(rateLimited))).rejects.toMatchObject({ name: 'FaultlineError', result: rateLimited });
    await expect(unwrapOrThrow(Promise.resolve(await okAsync('v')))).resolves.toBe('v');
  });
});
