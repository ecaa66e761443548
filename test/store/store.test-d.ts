import { Cluster, Redis } from 'ioredis';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type Admission,
  type BreakerChangeEvent,
  type BreakerState,
  type ClientOptions,
  createClient,
  createMemoryStore,
  genrex,
  type MemoryStore,
  type StateStore,
} from '../../src/index.js';
import { createRedisStore, type RedisStore } from '../../src/redis.js';

type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

describe('state store types', () => {
  it('takes an ioredis client or cluster as it is', () => {
    expectTypeOf(createRedisStore({ redis: new Redis({ lazyConnect: true }) })).toEqualTypeOf<RedisStore>();
    expectTypeOf(createRedisStore).toBeCallableWith({ redis: new Cluster([], { lazyConnect: true }), prefix: 'app:' });
    // @ts-expect-error a string is no Redis client
    createRedisStore({ redis: 'redis://127.0.0.1' });
  });

  it('the memory store answers synchronously; any store may answer with a promise', () => {
    const memory: MemoryStore = createMemoryStore();
    expectTypeOf(memory.admit).returns.toEqualTypeOf<Admission>();
    const custom: StateStore = { admit: async () => ({ go: true }), record: async () => ({ granted: true }) };
    createClient({ adapter: genrex, apiKey: 'k', store: custom });
    createClient({ adapter: genrex, apiKey: 'k', store: memory, breaker: { failureThreshold: 3 }, rateLimitPause: true });
    // @ts-expect-error a store needs record too
    createClient({ adapter: genrex, apiKey: 'k', store: { admit: () => ({ go: true }) } });
  });

  it('narrows an admission; types the breaker hook', () => {
    const a = {} as Admission;
    if (!a.go) expectTypeOf(a.code).toEqualTypeOf<'circuit_open' | 'rate_limit_pause'>();
    type _state = Expect<Equal<BreakerChangeEvent['from'], BreakerState>>;
    expectTypeOf<NonNullable<NonNullable<ClientOptions['hooks']>['onBreakerChange']>>().parameter(0).toEqualTypeOf<BreakerChangeEvent>();
    // @ts-expect-error breaker takes true, false or options
    createClient({ adapter: genrex, apiKey: 'k', breaker: 'on' });
    // @ts-expect-error an unknown breaker option
    createClient({ adapter: genrex, apiKey: 'k', breaker: { threshold: 3 } });
  });
});
