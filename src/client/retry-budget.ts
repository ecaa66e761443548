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

/** @internal The budget's numbers with their defaults. */
export type BudgetSettings = Required<RetryBudgetOptions>;

/** @internal */
export function budgetSettings(options: RetryBudgetOptions = {}): BudgetSettings {
  return {
    capacity: options.capacity ?? 500,
    retryCost: options.retryCost ?? 5,
    timeoutCost: options.timeoutCost ?? 10,
    successReward: options.successReward ?? 1,
  };
}

/** @internal What retrying after an error of this kind costs. */
export const retryCost = (settings: BudgetSettings, kind: ErrorKind): number => (kind === 'timeout' ? settings.timeoutCost : settings.retryCost);

/**
 * A retry quota, in the manner of the AWS SDKs' standard retry mode: retries spend tokens,
 * successes refill them. Under a sustained outage the bucket empties and the client stops
 * multiplying load (each call then makes one request); once calls succeed again, the bucket
 * refills and retries come back. A client keeps its budget in its state store, one bucket per
 * account; this standalone bucket is for code that passed one as `retry.budget` before stores.
 */
export interface RetryBudget {
  /** Spends the cost of retrying after an error of this kind; `undefined` when the bucket cannot pay. */
  acquire(kind: ErrorKind): number | undefined;
  /** A call succeeded: refund the retry that got it there, or reward a first-attempt success. */
  recordSuccess(retryCost: number | undefined): void;
  /** Tokens left. */
  readonly available: number;
}

/** A standalone bucket. Prefer sharing a state store (`createMemoryStore()`) between clients. */
export function createRetryBudget(options: RetryBudgetOptions = {}): RetryBudget {
  const settings = budgetSettings(options);
  let tokens = settings.capacity;
  return {
    acquire(kind) {
      const cost = retryCost(settings, kind);
      if (cost > tokens) return undefined;
      tokens -= cost;
      return cost;
    },
    recordSuccess(spent) {
      tokens = Math.min(settings.capacity, tokens + (spent ?? settings.successReward));
    },
    get available() {
      return tokens;
    },
  };
}
