export function findRedisServer(): string | undefined;
export const REDIS_SERVER: string | undefined;
export function freePort(): Promise<number>;
export interface RedisProcess {
  port: number;
  url: string;
  /** SIGKILL: Redis dies as in a crash. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}
export function startRedis(): Promise<RedisProcess>;
