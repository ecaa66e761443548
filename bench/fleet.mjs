// Provider health across a fleet (issue 13's figures), each against a baseline in the same run:
// - outage: 6 processes x 40 calls, the server 503 for 2 s: requests it receives with one shared
//   Redis store vs each process alone (its own memory store), breaker on in both;
// - 429 with Retry-After: 1 to the first request: requests in that second from 6 processes,
//   shared vs alone, rate-limit pause on in both;
// - the success path with the breaker on: memory store vs breaker off, Redis store vs off.
// Needs redis-server on PATH (apt-get install redis-server); says so and skips without it.
import { Redis } from 'ioredis';
import { createClient, gen } from '../dist/index.js';
import { createRedisStore } from '../dist/redis.js';
import { interleaved, startServer } from './client.mjs';
import { runFleet, startFleetServer } from './fleet/harness.mjs';
import { REDIS_SERVER, startRedis } from './fleet/redis-server.mjs';

const KEY = 'grx_bench_fleet_key_0123456789';

async function outage(redisPort) {
  const breaker = { failureThreshold: 5, openMs: 500, maxOpenMs: 2000 };
  const cfg = { apiKey: KEY, calls: 40, gapMs: 50, breaker, retry: { maxRetries: 2, baseDelayMs: 20 } };
  const counts = {};
  for (const [label, extra] of [['alone', {}], ['shared', { redisPort, prefix: `outage-${Date.now()}:` }]]) {
    const server = await startFleetServer(() => ({ status: 503, delayMs: 20 }));
    await runFleet(6, { ...cfg, ...extra, origin: server.origin }, { server });
    counts[label] = server.requests.filter((r) => r.at < 2000).length;
    await server.close();
  }
  console.log(
    `${'fleet outage: requests in 2 s of 503s'.padEnd(44)} alone ${counts.alone}  shared Redis ${counts.shared}  ratio ${(counts.shared / counts.alone).toFixed(3)}x (6 processes x 40 calls, breaker 5/500 ms)`,
  );
  return counts;
}

async function rateLimited(redisPort) {
  const counts = {};
  for (const [label, extra] of [['alone', {}], ['shared', { redisPort, prefix: `limit-${Date.now()}:` }]]) {
    let first;
    const server = await startFleetServer((ms) => {
      first ??= ms;
      return ms - first < 1000 ? { status: 429, headers: { 'retry-after': '1' }, body: { success: false, error: { code: 'RATE_LIMIT_EXCEEDED', message: 'slow down' } } } : { status: 200, body: { ok: true } };
    });
    await runFleet(6, { ...extra, origin: server.origin, apiKey: KEY, calls: 1, gapMs: 0, staggerMs: 100, rateLimitPause: true, retry: { maxRetries: 2 } }, { server, leadMs: 2500 });
    counts[label] = server.requests.filter((r) => r.at - first < 1000).length;
    await server.close();
  }
  console.log(`${'fleet 429 + Retry-After: 1: requests that second'.padEnd(44)} alone ${counts.alone}  shared Redis ${counts.shared} (6 processes, one call each, 100 ms apart)`);
  return counts;
}

async function successPath(redisPort) {
  const { server, url } = await startServer();
  const redis = new Redis(redisPort, '127.0.0.1');
  await redis.ping();
  const make = (extra) => {
    const client = createClient({ adapter: gen, apiKey: KEY, baseUrl: `${url}/v1`, ...extra });
    return async () => {
      const result = await client.request('/me');
      if (result.isErr()) throw new Error(result.error.message);
    };
  };
  const off = make({});
  // The floor for any store that asks Redis before each attempt: one PING round trip.
  const pinged = async () => {
    await redis.ping();
    await off();
  };
  const results = [
    await interleaved('success path: one Redis PING + request vs off', off, pinged, { rounds: 9, perRound: 300 }),
    await interleaved('success path: breaker on (memory) vs off', off, make({ breaker: true })),
    await interleaved('success path: breaker on (Redis) vs off', off, make({ breaker: true, store: createRedisStore({ redis }) }), { rounds: 9, perRound: 300 }),
  ];
  redis.disconnect();
  server.close();
  return results;
}

export async function benchFleet() {
  if (REDIS_SERVER === undefined) {
    console.log('fleet: skipped, redis-server is not on PATH (apt-get install redis-server)');
    return undefined;
  }
  const redis = await startRedis();
  try {
    return { outage: await outage(redis.port), rateLimited: await rateLimited(redis.port), success: await successPath(redis.port) };
  } finally {
    await redis.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFleet();
