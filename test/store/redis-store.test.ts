import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore, type RedisStore } from '../../src/redis.js';
import { REDIS_SERVER, type RedisProcess, startRedis } from '../support/redis.js';
import { storeContract } from './store-contract.js';

// Against a real redis-server of the suite's own (skipped, said once, where there is none;
// required in CI: see test/support/global-setup.ts).
describe.skipIf(REDIS_SERVER === undefined)('redis store', () => {
  let server: RedisProcess;
  let redis: Redis;
  const clients: Redis[] = [];
  beforeAll(async () => {
    server = await startRedis();
    redis = new Redis(server.port, '127.0.0.1', { lazyConnect: false });
    clients.push(redis);
    await redis.ping();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await server?.stop();
  });

  // Every contract decision must come from Redis, not from the local fallback.
  const contractStores: RedisStore[] = [];
  afterEach(() => {
    for (const store of contractStores.splice(0)) expect(store.fallbacks).toBe(0);
  });
  storeContract('redis store', () => {
    const store = createRedisStore({ redis, prefix: 'contract:' });
    contractStores.push(store);
    return store;
  });

  const scope = { provider: 'genrex:http://127.0.0.1:1', account: 'genrex:http://127.0.0.1:1:0123abcd' };
  const breaker = { failureThreshold: 1, openMs: 5000, maxOpenMs: 60_000 };

  it('shares one state between stores on separate connections, under the prefix, with TTLs', async () => {
    const other = new Redis(server.port, '127.0.0.1');
    clients.push(other);
    const a = createRedisStore({ redis, prefix: 'share:' });
    const b = createRedisStore({ redis: other, prefix: 'share:' });
    await other.ping();
    expect((await a.record({ scope, breaker, health: 'failure', pauseMs: 30_000, budget: { capacity: 10, take: 5 } })).change).toEqual({ from: 'closed', to: 'open' });
    expect(await b.admit({ scope, breaker, pause: false, leaseMs: 100 })).toMatchObject({ go: false, code: 'circuit_open' });
    expect(await b.admit({ scope, breaker, pause: true, leaseMs: 100 })).toMatchObject({ go: false, code: 'rate_limit_pause' });
    expect(await b.record({ scope, health: 'neutral', budget: { capacity: 10, take: 6 } })).toEqual({ granted: false });
    const keys = (await redis.keys('share:*')).sort();
    expect(keys).toEqual([
      'share:{genrex:http://127.0.0.1:1}:breaker',
      'share:{genrex:http://127.0.0.1:1}:budget:genrex:http://127.0.0.1:1:0123abcd',
      'share:{genrex:http://127.0.0.1:1}:pause:genrex:http://127.0.0.1:1:0123abcd',
    ]);
    for (const key of keys) {
      const ttl = await redis.pttl(key);
      expect(ttl, key).toBeGreaterThan(0);
    }
    expect(await redis.pttl(keys[2]!)).toBeLessThanOrEqual(30_000);
    // A different prefix is a different state.
    expect(await createRedisStore({ redis, prefix: 'elsewhere:' }).admit({ scope, breaker, pause: true, leaseMs: 100 })).toEqual({ go: true });
  });

  it('loads its scripts again after SCRIPT FLUSH', async () => {
    const store = createRedisStore({ redis, prefix: 'flush:' });
    await store.record({ scope, health: 'success', budget: { capacity: 10, take: 1 } });
    await redis.script('FLUSH');
    expect(await store.record({ scope, health: 'success', budget: { capacity: 10, take: 1 } })).toEqual({ granted: true });
    expect(await redis.get(`flush:{${scope.provider}}:budget:${scope.account}`)).toBe('8');
    expect(store.fallbacks).toBe(0);
  });

  it('decides locally, at once, when Redis is slower than timeoutMs, and goes back to Redis after retryMs', async () => {
    const blocker = new Redis(server.port, '127.0.0.1');
    clients.push(blocker);
    await blocker.ping();
    const store = createRedisStore({ redis, prefix: 'slow:', timeoutMs: 50, retryMs: 300 });
    const sleeping = blocker.call('DEBUG', 'SLEEP', '0.4');
    await new Promise((resolve) => setTimeout(resolve, 20));
    let started = Date.now();
    expect(await store.record({ scope, breaker, health: 'failure' })).toMatchObject({ change: { from: 'closed', to: 'open' } });
    expect(Date.now() - started).toBeLessThan(200);
    started = Date.now();
    // Local state: this process saw the failure, so its own breaker is open.
    expect(await store.admit({ scope, breaker, pause: false, leaseMs: 100 })).toMatchObject({ go: false, code: 'circuit_open' });
    expect(Date.now() - started).toBeLessThan(20);
    expect(store.fallbacks).toBe(2);
    await sleeping;
    await new Promise((resolve) => setTimeout(resolve, 320));
    // Redis answers again: what another process wrote there meanwhile is seen, though this
    // process's local state never saw it.
    const elsewhere = { provider: 'genrex:http://127.0.0.1:2', account: 'genrex:http://127.0.0.1:2:ffff' };
    await createRedisStore({ redis: blocker, prefix: 'slow:' }).record({ scope: elsewhere, breaker, health: 'failure' });
    expect(store.peek(elsewhere).breaker).toBe('closed');
    expect(await store.admit({ scope: elsewhere, breaker, pause: false, leaseMs: 100 })).toMatchObject({ go: false, code: 'circuit_open' });
    expect(store.fallbacks).toBe(2);
  });

  it('never fails or waits while Redis is down, and shares again once it is back', async () => {
    const own = await startRedis();
    const client = new Redis(own.port, '127.0.0.1', { maxRetriesPerRequest: 1, retryStrategy: () => 50 });
    client.on('error', () => undefined);
    clients.push(client);
    await client.ping();
    const store: RedisStore = createRedisStore({ redis: client, prefix: 'down:', retryMs: 100 });
    expect(await store.admit({ scope, breaker, pause: true, leaseMs: 100 })).toEqual({ go: true });
    await own.kill();
    const started = Date.now();
    for (let i = 0; i < 20; i++) {
      const a = await store.admit({ scope, breaker, pause: true, leaseMs: 100 });
      expect(a.go).toBe(true);
      await store.record({ scope, health: 'success', budget: { capacity: 10, give: 1 } });
    }
    expect(Date.now() - started).toBeLessThan(500);
    // Every admit decided locally (the successes wait to be sent together, and are dropped while Redis is down).
    expect(store.fallbacks).toBeGreaterThanOrEqual(20);
    await own.restart();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(client.status).toBe('ready');
    await store.record({ scope, health: 'neutral', pauseMs: 5000 });
    expect(await client.exists(`down:{${scope.provider}}:pause:${scope.account}`)).toBe(1);
    await own.stop();
  });

  it('sends plain successes together, after what this process reported before them', async () => {
    const store = createRedisStore({ redis, prefix: 'batch:', flushMs: 30 });
    const budgetKey = `batch:{${scope.provider}}:budget:${scope.account}`;
    expect(await store.record({ scope, health: 'neutral', budget: { capacity: 100, take: 50 } })).toEqual({ granted: true });
    for (let i = 0; i < 10; i++) await store.record({ scope, breaker, health: 'success', budget: { capacity: 100, give: 1 } });
    expect(await redis.get(budgetKey)).toBe('50');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await redis.get(budgetKey)).toBe('60');
    // A report that must be decided now sends the waiting successes first: this take sees the refunds.
    for (let i = 0; i < 5; i++) await store.record({ scope, health: 'success', budget: { capacity: 100, give: 2 } });
    expect(await store.record({ scope, health: 'neutral', budget: { capacity: 100, take: 70 } })).toEqual({ granted: true });
    expect(await redis.get(budgetKey)).toBe('0');
  });

  it('refuses what is not a Redis client, and bad numbers', () => {
    expect(() => createRedisStore({ redis: {} as never })).toThrow(/`redis`/);
    expect(() => createRedisStore({ redis, timeoutMs: -1 })).toThrow(/`timeoutMs`/);
  });
});
