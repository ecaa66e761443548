import { REDIS_SERVER } from './redis.js';

// The Redis suites start their own redis-server. In CI it is required (.ci/run installs it); on
// a machine without it they are skipped, said once here rather than per test.
export function setup(): void {
  if (REDIS_SERVER !== undefined) return;
  if (process.env.CI === 'true') throw new Error('faultline: redis-server is not on PATH; CI needs it for the Redis suites (apt-get install -y redis-server).');
  console.log('faultline: Redis suites skipped: redis-server is not on PATH (Debian/Ubuntu: apt-get install redis-server).');
}
