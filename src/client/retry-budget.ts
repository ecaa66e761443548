import type { ErrorKind } from '../errors/error-result.js';

export interface RetryBudgetOptions {
  /** Tokens in a full bucket. Default 500. */
  capacity?: number;
  /** Tokens a retry spends. Default 5. */
  retryCost?: number;
  /** Tokens a retry after a timeout spends: timeouts are the costliest failures. Default 10. */
  timeoutCost?: number;
  /** Tokens a call that succeeds on its first attempt gives back. Default 1. */
  successReward?: number;
}

/**
 * A client's retry quota, in the manner of the AWS SDKs' standard retry mode: retries spend
 * tokens, successes refill them. Under a sustained outage the bucket empties and the client
 * stops multiplying load (each call then makes one request); once calls succeed again, the
 * bucket refills and retries come back.
 */
export interface RetryBudget {
  /** Spends the cost of retrying after an error of this kind; `undefined` when the bucket cannot pay. */
  acquire(kind: ErrorKind): number | undefined;
  /** A call succeeded: refund the retry that got it there, or reward a first-attempt success. */
  recordSuccess(retryCost: number | undefined): void;
  /** Tokens left. */
  readonly available: number;
}

export function createRetryBudget(options: RetryBudgetOptions = {}): RetryBudget {
  const capacity = options.capacity ?? 500;
  const retryCost = options.retryCost ?? 5;
  const timeoutCost = options.timeoutCost ?? 10;
  const successReward = options.successReward ?? 1;
  let tokens = capacity;
  return {
    acquire(kind) {
      const cost = kind === 'timeout' ? timeoutCost : retryCost;
      if (cost > tokens) return undefined;
      tokens -= cost;
      return cost;
    },
    recordSuccess(spent) {
      tokens = Math.min(capacity, tokens + (spent ?? successReward));
    },
    get available() {
      return tokens;
    },
  };
}
