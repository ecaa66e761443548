import { createHash } from 'node:crypto';
import { createMemoryStore, type MemoryStore } from './memory-store.js';
import { ADMIT, RECORD, STATES } from './redis-scripts.js';
import type { Admission, AdmitQuery, AttemptReport, BreakerChange, Recorded, StateStore, StoreScope, StoreView } from './state-store.js';

/** What the store needs of a Redis client; an ioredis `Redis` (or `Cluster`) has it. */
export interface RedisClient {
  /** ioredis' connection state; commands go to Redis only while it is `ready`. */
  readonly status: string;
  evalsha(sha: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  connect?(): Promise<void>;
}

export interface RedisStoreOptions {
  redis: RedisClient;
  /** Every key starts with it. Default `faultline:`. */
  prefix?: string;
  /** A decision Redis has not answered in this long is made from local state. Default 50. */
  timeoutMs?: number;
  /** After Redis failed or was slow, decisions stay local this long before Redis is asked again. Default 1000. */
  retryMs?: number;
  /** A key nobody touched for this long expires (a budget then starts full again). Default 600000. */
  idleMs?: number;
  /**
   * Plain successes (no probe, nothing to pay) are sent to Redis together, at most this often per
   * scope: the fleet's failure count resets and the budget refills up to this late, and a success
   * path pays one round trip (the admit) instead of two. 0 sends each at once. Default 20.
   */
  flushMs?: number;
}

export interface RedisStore extends StateStore {
  admit(query: AdmitQuery): Promise<Admission>;
  record(report: AttemptReport): Promise<Recorded>;
  /** This process's local copy of a scope, as used when Redis cannot answer. */
  peek(scope: StoreScope): StoreView;
  /** Decisions made locally because Redis failed or was slow, since the store was made. */
  readonly fallbacks: number;
}

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');
const ADMIT_SHA = sha1(ADMIT);
const RECORD_SHA = sha1(RECORD);
const HEALTH = { neutral: 0, success: 1, failure: 2 } as const;

/**
 * The state store on Redis, shared by every process that uses the same Redis and prefix: each
 * decision is one Lua script on Redis's clock. Redis never fails or holds up a request: when it
 * errors, is not connected or answers slower than `timeoutMs`, that decision is made from a local
 * memory store (which sees every report too), and Redis is asked again after `retryMs`.
 * Keys hold no API key: the client names the account by a one-way hash of it.
 */
export function createRedisStore(options: RedisStoreOptions): RedisStore {
  const redis = options?.redis;
  if (redis === null || typeof redis !== 'object' || typeof redis.evalsha !== 'function' || typeof redis.eval !== 'function') {
    throw new TypeError('faultline: createRedisStore option `redis` must be an ioredis client');
  }
  const prefix = options.prefix ?? 'faultline:';
  const timeoutMs = options.timeoutMs ?? 50;
  const retryMs = options.retryMs ?? 1000;
  const idleMs = options.idleMs ?? 600_000;
  const flushMs = options.flushMs ?? 20;
  for (const [name, value] of [['timeoutMs', timeoutMs], ['retryMs', retryMs], ['idleMs', idleMs], ['flushMs', flushMs]] as const) {
    if (typeof value !== 'number' || !(value >= 0)) throw new TypeError(`faultline: createRedisStore option \`${name}\` must be a number >= 0`);
  }
  const local: MemoryStore = createMemoryStore();
  let localUntil = 0;
  let fallbacks = 0;

  // One hash tag per provider keeps a decision's keys in one Redis Cluster slot.
  const keys = (scope: StoreScope): [string, string, string] => {
    const tag = `${prefix}{${scope.provider}}`;
    return [`${tag}:breaker`, `${tag}:pause:${scope.account}`, `${tag}:budget:${scope.account}`];
  };

  async function run(sha: string, script: string, args: (string | number)[], numKeys: number): Promise<number[] | undefined> {
    if (Date.now() < localUntil) return undefined;
    if (redis.status !== 'ready') {
      // A lazily connecting client is asked to connect; commands would queue until it is ready.
      if (redis.status === 'wait') redis.connect?.().catch(() => undefined);
      return undefined;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(resolve, timeoutMs, undefined);
    });
    const answer = redis.evalsha(sha, numKeys, ...args).catch((error: unknown) =>
      String((error as Error)?.message).startsWith('NOSCRIPT') ? redis.eval(script, numKeys, ...args) : Promise.reject(error),
    );
    try {
      const result = await Promise.race([answer, late]);
      if (Array.isArray(result)) return result.map(Number);
    } catch {
      // Fall through to local state.
    } finally {
      clearTimeout(timer);
      answer.catch(() => undefined);
    }
    localUntil = Date.now() + retryMs;
    return undefined;
  }

  // Successes waiting to be sent, by scope: one report each, their refunds summed.
  const pending = new Map<string, AttemptReport>();
  const flush = (): void => {
    const reports = [...pending.values()];
    pending.clear();
    for (const report of reports) void send(report);
  };

  async function send(report: AttemptReport): Promise<number[] | undefined> {
    const b = report.breaker;
    const budget = report.budget;
    return run(RECORD_SHA, RECORD, [
      ...keys(report.scope),
      b === undefined ? 0 : 1,
      b?.failureThreshold ?? 0,
      b?.openMs ?? 0,
      b?.maxOpenMs ?? 0,
      HEALTH[report.health],
      report.probe ?? 0,
      Math.ceil(report.retryAfterMs ?? 0),
      Math.ceil(report.pauseMs ?? 0),
      budget?.capacity ?? -1,
      budget?.take ?? -1,
      budget?.give ?? -1,
      idleMs,
    ], 3);
  }

  const change = (from: number, to: number): BreakerChange | undefined =>
    from < 0 || from === to ? undefined : { from: STATES[from]!, to: STATES[to]! };

  return {
    async admit(q) {
      const [breakerKey, pauseKey] = keys(q.scope);
      const b = q.breaker;
      const r = await run(ADMIT_SHA, ADMIT, [breakerKey, pauseKey, q.pause ? 1 : 0, b === undefined ? 0 : 1, b?.maxOpenMs ?? 0, Math.ceil(q.leaseMs), idleMs], 2);
      if (r === undefined) {
        fallbacks++;
        return local.admit(q);
      }
      const [verdict, waitMs, probe, from, to] = r as [number, number, number, number, number];
      const moved = change(from, to);
      const a: Admission = verdict === 0 ? { go: true } : { go: false, code: verdict === 1 ? 'circuit_open' : 'rate_limit_pause', waitMs };
      if (a.go && probe > 0) a.probe = probe;
      if (moved !== undefined) a.change = moved;
      return a;
    },

    async record(report) {
      // The local copy sees every report, so a fallback decides from what this process knows.
      const mirrored = local.record(report);
      const budget = report.budget;
      if (report.probe === undefined && report.pauseMs === undefined && budget?.take === undefined) {
        // Nothing to tell: an attempt that learned nothing and costs nothing.
        if (report.health === 'neutral' && budget === undefined) return mirrored;
        // A plain success changes no breaker state but a count, and pays nothing back but tokens.
        if (report.health === 'success' && flushMs > 0) {
          const key = `${report.scope.account}\n${report.breaker === undefined ? '' : 'b'}`;
          const waiting = pending.get(key);
          if (waiting === undefined) {
            pending.set(key, { ...report, budget: budget === undefined ? undefined : { ...budget } });
            if (pending.size === 1) setTimeout(flush, flushMs).unref?.();
          } else if (budget?.give !== undefined && waiting.budget !== undefined) {
            waiting.budget.give = (waiting.budget.give ?? 0) + budget.give;
          }
          return mirrored;
        }
      }
      // Waiting successes go first, on the same connection, so Redis applies this process's
      // reports in the order they happened.
      if (pending.size > 0) flush();
      const r = await send(report);
      if (r === undefined) {
        fallbacks++;
        return mirrored;
      }
      const recorded: Recorded = { granted: r[0] === 1 };
      const moved = change(r[1]!, r[2]!);
      if (moved !== undefined) recorded.change = moved;
      return recorded;
    },

    peek: (scope) => local.peek(scope),
    get fallbacks() {
      return fallbacks;
    },
  };
}
