/** Where a breaker stands: sending, refusing until its open period ends, or letting one probe through. */
export type BreakerState = 'closed' | 'open' | 'half_open';

/** The breaker's numbers, as a client resolved them from its `breaker` option. */
export interface BreakerSettings {
  /** Outage answers in a row (server, network, timeout) that open it. */
  failureThreshold: number;
  /** The first open period. */
  openMs: number;
  /** A failed probe doubles the period, up to this. */
  maxOpenMs: number;
}

/**
 * Whose state a decision reads and writes. Both are opaque strings the client makes: neither
 * holds the API key (the account is named by a one-way hash of it).
 */
export interface StoreScope {
  /** The breaker's scope: the adapter's name and the `baseUrl` origin. An outage is the provider's. */
  provider: string;
  /** The budget's and the pause's scope: the provider scope plus the account's hash. */
  account: string;
}

/** A breaker transition, as the store saw it while deciding. */
export interface BreakerChange {
  from: BreakerState;
  to: BreakerState;
}

/** Asked before every attempt, retries included, when the breaker or the pause is on. */
export interface AdmitQuery {
  scope: StoreScope;
  /** Absent when the client has no breaker. */
  breaker?: BreakerSettings;
  /** The client pauses on a rate limit. */
  pause: boolean;
  /** How long this attempt may run: a probe that has not reported by then counts as failed. */
  leaseMs: number;
}

export type Admission =
  | { go: true; /** This attempt is the half-open probe, by its number. */ probe?: number; change?: BreakerChange }
  | {
      go: false;
      /** `circuit_open`: the breaker refuses; `rate_limit_pause`: the account is paused. */
      code: 'circuit_open' | 'rate_limit_pause';
      /** Time until a request may go (the pause's end, or the next probe). */
      waitMs: number;
      change?: BreakerChange;
    };

/**
 * How an attempt went for the provider's health: `failure` is an outage answer (server,
 * network, timeout), `success` any other answer from the server, `neutral` no answer that
 * says anything (the caller aborted, the call's deadline cut it).
 */
export type AttemptHealth = 'success' | 'failure' | 'neutral';

/** Told after every attempt. */
export interface AttemptReport {
  scope: StoreScope;
  breaker?: BreakerSettings;
  health: AttemptHealth;
  /** The probe number `admit` gave this attempt. */
  probe?: number;
  /** The provider's Retry-After: an open period is never shorter. */
  retryAfterMs?: number;
  /** Pause the account this long (a rate limit with Retry-After, pause on). A pause only grows. */
  pauseMs?: number;
  /** Retry budget: `take` tokens for a retry, or `give` them back after a success. */
  budget?: { capacity: number; take?: number; give?: number };
}

export interface Recorded {
  /** The budget paid `take` (true when nothing was asked). */
  granted: boolean;
  change?: BreakerChange;
}

/**
 * Where a client keeps its retry budget, breaker and rate-limit pause: asked before an attempt
 * and told after it. Each call is one decision, atomic in its store; a store answers
 * synchronously when it can (the memory store), or with a promise (Redis).
 */
export interface StateStore {
  admit(query: AdmitQuery): Admission | PromiseLike<Admission>;
  record(report: AttemptReport): Recorded | PromiseLike<Recorded>;
  /** What this process knows of a scope now, without a round trip (for tests and health pages). */
  peek?(scope: StoreScope): StoreView;
}

/** What a store knows of one scope. */
export interface StoreView {
  breaker: BreakerState;
  /** Outage answers in a row, while closed. */
  failures: number;
  /** Time left in the account's rate-limit pause; 0 for none. */
  pausedMs: number;
  /** Retry tokens left in the account's bucket; `undefined` before its first use (a full bucket). */
  budget: number | undefined;
}
