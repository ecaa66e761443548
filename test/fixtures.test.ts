import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInAdapters as adapters } from '../adapters/index.js';
import { classify, ErrorResultSchema, fromResponse, normalize, policyTable } from '../src/index.js';
import { allFixtures, type Fixture, fixtureBody, toResponse } from '../src/testing/fixtures.js';


function checkError(fixture: Fixture, result: unknown): void {
  const expected = fixture.expected;
  if (expected.ok) throw new Error('checkError on a success fixture');
  expect(result).toMatchObject({
    kind: expected.kind,
    code: expected.code,
    retryable: expected.retryable,
    provider: fixture.provider,
  });
  const step = (result as { step?: string }).step;
  expect(step).toBe(expected.step);
  // The message is for people: never an HTML page, never empty.
  const message = (result as { message: string }).message;
  expect(message.length).toBeGreaterThan(0);
  expect(message).not.toMatch(/<html|<!doctype/i);
  expect(ErrorResultSchema.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
}

describe.each(allFixtures.map((f) => [`${f.provider}/${f.name}`, f] as const))('fixture %s', (_, fixture) => {
  const adapter = adapters[fixture.provider];
  const input = { status: fixture.response.status, headers: fixture.response.headers, body: fixtureBody(fixture) };

  it('classify gives the expected result', () => {
    const result = classify(adapter, input);
    if (fixture.expected.ok) {
      expect(result.isOk()).toBe(true);
    } else {
      expect(result.isErr()).toBe(true);
      checkError(fixture, result._unsafeUnwrapErr());
    }
  });

  // normalize is for failures: a success fixture has no ErrorResult to compare (classify and fromResponse cover it).
  if (!fixture.expected.ok) {
    it('normalize gives the expected result', () => {
      checkError(fixture, normalize(adapter, input));
    });
  }

  it('fromResponse over a real Response agrees with classify', async () => {
    const result = await fromResponse(adapter, toResponse(fixture));
    if (fixture.expected.ok) {
      expect(result._unsafeUnwrap()).toEqual(fixture.response.body);
    } else {
      checkError(fixture, result._unsafeUnwrapErr());
    }
  });
});

describe('fixture coverage', () => {
  it('the fixture index lists every file in fixtures/ (run `npm run fixtures:index` when this fails)', () => {
    const onDisk = Object.keys(adapters).flatMap((provider) =>
      readdirSync(new URL(`../fixtures/${provider}/`, import.meta.url))
        .filter((f) => f.endsWith('.json'))
        .map((f) => `${provider}/${f.replace(/\.json$/, '')}`),
    );
    expect(allFixtures.map((f) => `${f.provider}/${f.name}`).sort()).toEqual(onDisk.sort());
  });

  it.each(Object.entries(policyTable.codes).flatMap(([provider, rows]) => Object.keys(rows).map((code) => [provider, code])))(
    'documented code %s/%s has a documented fixture',
    (provider, code) => {
      const match = allFixtures.find(
        (f) => f.provider === provider && f.documented && !f.expected.ok && f.expected.code === code,
      );
      expect(match, `no fixture for ${provider} ${code}`).toBeDefined();
    },
  );

  it('every documented fixture expects what its policy row says', () => {
    for (const f of allFixtures) {
      if (f.expected.ok) continue;
      const row = policyTable.codes[f.provider]?.[f.expected.code];
      if (row === undefined) continue;
      // A row without a kind (a generic type such as OpenAI's invalid_request_error) leaves it to the status.
      if (row.kind !== undefined) expect(f.expected.kind, `${f.provider}/${f.name}`).toBe(row.kind);
      // A server's x-should-retry overrides the row's retryable (and fixtures with it say so).
      const verdict = Object.entries(f.response.headers).find(([name]) => name.toLowerCase() === 'x-should-retry')?.[1];
      if (row.retryable !== undefined && verdict === undefined) expect(f.expected.retryable, `${f.provider}/${f.name}`).toBe(row.retryable);
      if (row.status !== undefined && f.documented) expect(f.response.status).toBe(row.status);
    }
  });
});
