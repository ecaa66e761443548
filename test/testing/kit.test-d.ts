import { ok } from 'neverthrow';
import { describe, expect, expectTypeOf, it } from 'vitest';
import '../../src/testing/vitest.js';
import { createMockFetch, type FixtureName, fixtures, getFixture, startFakeServer } from '../../src/testing/index.js';

describe('testing kit types', () => {
  it('fixture names are a union of the real ones: a typo fails to compile', () => {
    expectTypeOf<'gen/unauthorized'>().toExtend<FixtureName>();
    expectTypeOf(fixtures.gen.unauthorized).not.toBeUndefined();
    // @ts-expect-error a typo in a fixture name
    void fixtures.gen.unauthorised;
    // @ts-expect-error a typo in a scripted answer
    createMockFetch({ routes: { 'GET /v1/me': ['gen/unauthorised'] } });
    // @ts-expect-error a fixture of another provider
    getFixture('gen', 'rate-limit-exceeded');
    void startFakeServer({ faults: { 'GET /v1/me': [{ fixture: 'openai/insufficient-quota' }] } });
    // @ts-expect-error a fault fixture that is not one
    void startFakeServer({ faults: { 'GET /v1/me': [{ fixture: 'openai/insufficient_quota' }] } });
  });

  it('the vitest matchers are typed', () => {
    expect(ok(1)).toBeOk();
    expect(ok(1)).toBeErrKind('rate_limited');
    // @ts-expect-error not a kind
    expect(ok(1)).toBeErrKind('slow_down');
  });
});
