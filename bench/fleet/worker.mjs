// One process of a fleet: a faultline client of the built package making `calls` requests,
// alone or sharing a Redis store. Prints what each call ended with, as one JSON line.
import { Redis } from 'ioredis';
import { createClient, genrex } from '../../dist/index.js';
import { createRedisStore } from '../../dist/redis.js';

const cfg = JSON.parse(process.argv[2]);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

let redis;
let store;
if (cfg.redisPort !== undefined) {
  redis = new Redis(cfg.redisPort, '127.0.0.1', { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
  redis.on('error', () => undefined);
  // Redis may already be down (a test kills it): the store then decides locally from the start.
  await redis.ping().catch(() => undefined);
  store = createRedisStore({ redis, prefix: cfg.prefix });
}
const client = createClient({
  adapter: genrex,
  apiKey: cfg.apiKey,
  baseUrl: `${cfg.origin}/v1`,
  store,
  breaker: cfg.breaker,
  rateLimitPause: cfg.rateLimitPause,
  retry: cfg.retry,
  timeoutMs: cfg.timeoutMs,
});

await sleep(cfg.startAt - Date.now());
const results = [];
const started = Date.now();
for (let i = 0; i < cfg.calls; i++) {
  const at = Date.now();
  const result = await client.request(cfg.path ?? '/document/x');
  results.push({ at: at - cfg.startAt, ms: Date.now() - at, code: result.isOk() ? 'ok' : result.error.code, attempts: result.isOk() ? undefined : result.error.attempts.length });
  if (cfg.gapMs > 0) await sleep(cfg.gapMs);
}
process.stdout.write(`${JSON.stringify({ results, ms: Date.now() - started, fallbacks: store?.fallbacks ?? 0 })}\n`);
redis?.disconnect();
