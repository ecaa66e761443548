// faultline/redis: the state store on Redis, for a fleet. ioredis is an optional peer dependency.
export { createRedisStore, type RedisClient, type RedisStore, type RedisStoreOptions } from './store/redis-store.js';
