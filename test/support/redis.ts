// The suites' own redis-server: one implementation, shared with bench/fleet.mjs.
export { findRedisServer, freePort, REDIS_SERVER, type RedisProcess, startRedis } from '../../bench/fleet/redis-server.mjs';
