import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFleet, startFleetServer } from '../../bench/fleet/harness.mjs';
import { REDIS_SERVER, type RedisProcess, startRedis } from '../support/redis.js';

// Worker processes (child processes running the built package) sharing one Redis store against
// a local server: an outage and its recovery, a 429 with Retry-After, and Redis killed mid-run.
const KEY = 'grx_live_FLEETkey_0123456789abcdef';

describe.skipIf(REDIS_SERVER === undefined)('a fleet sharing a Redis store', () => {
  let redis: RedisProcess;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('in an outage, opens once for the fleet, sends one probe at a time, and recovers', async () => {
    const server = await startFleetServer((ms) => (ms < 1500 ? { status: 503, delayMs: 40 } : { status: 200, body: { ok: true }, delayMs: 40 }));
    const breaker = { failureThreshold: 5, openMs: 200, maxOpenMs: 400 };
    const { reports } = await runFleet(
      4,
      { origin: server.origin, redisPort: redis.port, prefix: 'outage:', apiKey: KEY, calls: 45, gapMs: 50, breaker, retry: false },
      // Time for the processes to start and connect before the outage clock runs.
      { server, leadMs: 2500 },
    );
    const outage = server.requests.filter((r) => r.at < 1500);
    await server.close();
    if (process.env.FLEET_DEBUG) console.log(JSON.stringify(server.requests), JSON.stringify(reports.map((r) => r.results.map((x) => `${x.at}:${x.code}`))));
    for (const report of reports) {
      expect(report.results).toHaveLength(45);
      expect(report.fallbacks).toBe(0);
      expect(report.results.slice(-5).every((r) => r.code === 'ok')).toBe(true);
    }
    const refused = reports.flatMap((r) => r.results).filter((r) => r.code === 'circuit_open').length;
    // 4 processes alone would each need 5 failures, then probe on their own.
    expect(outage.length).toBeLessThanOrEqual(breaker.failureThreshold + 4 + 7);
    expect(refused).toBeGreaterThan(50);
    // Once open (after the fifth failure), one probe at a time across the fleet.
    const opened = outage[breaker.failureThreshold - 1]!.end!;
    expect(server.maxConcurrent(opened + 20, 1500)).toBeLessThanOrEqual(1);
  });

  it('after a 429 with Retry-After: 1, the fleet sends nothing more in that second and then gets through', async () => {
    let limitedAt: number | undefined;
    const server = await startFleetServer((ms) => {
      limitedAt ??= ms;
      return ms - limitedAt < 1000 ? { status: 429, headers: { 'retry-after': '1' }, body: { success: false, error: { code: 'RATE_LIMIT_EXCEEDED', message: 'slow down' } } } : { status: 200, body: { ok: true } };
    });
    const { reports } = await runFleet(
      6,
      { origin: server.origin, redisPort: redis.port, prefix: 'limit:', apiKey: KEY, calls: 1, gapMs: 0, staggerMs: 100, rateLimitPause: true, retry: { maxRetries: 2 } },
      // Time for six processes to start and connect before the first call.
      { server, leadMs: 2500 },
    );
    const inThatSecond = server.requests.filter((r) => r.at - limitedAt! < 1000).length;
    await server.close();
    expect(inThatSecond).toBeLessThanOrEqual(2);
    expect(reports.every((r) => r.results[0]!.code === 'ok')).toBe(true);
  });

  it('every call settles when Redis is killed mid-run, and the fleet shares again once it is back', async () => {
    const own = await startRedis();
    const server = await startFleetServer(() => ({ status: 200, body: { ok: true }, delayMs: 5 }));
    // Killed 0.5 s into the run, back 0.9 s later, timed from when the workers start calling.
    const { reports } = await runFleet(
      4,
      { origin: server.origin, redisPort: own.port, prefix: 'kill:', apiKey: KEY, calls: 60, gapMs: 40, breaker: true, rateLimitPause: true, timeoutMs: 2000 },
      {
        server,
        leadMs: 2500,
        onStart: (startAt) => {
          setTimeout(() => void own.kill(), startAt + 500 - Date.now());
          setTimeout(() => void own.restart().catch(() => undefined), startAt + 1400 - Date.now());
        },
      },
    );
    await server.close();
    for (const report of reports) {
      expect(report.results).toHaveLength(60);
      expect(report.results.every((r) => r.code === 'ok')).toBe(true);
      expect(report.fallbacks).toBeGreaterThan(0);
      // No call waited on Redis: each stays well under its 2 s timeout.
      expect(Math.max(...report.results.map((r) => r.ms))).toBeLessThan(500);
    }
    const check = new Redis(own.port, '127.0.0.1');
    const keys = await check.keys('kill:*');
    check.disconnect();
    await own.stop();
    // Written after the restart: the empty new Redis holds the fleet's budget again.
    expect(keys.some((k) => k.includes(':budget:'))).toBe(true);
    expect(keys.join(' ')).not.toContain(KEY.slice(0, 8));
  });
});
