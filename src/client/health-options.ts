import type { Adapter } from '../classify/define-adapter.js';
import { checkDelay, checkFunction, checkNumber, refuse } from './client-options.js';
import type { ClientHooks } from './observer.js';
import { budgetSettings, type BudgetSettings, type RetryBudget, type RetryBudgetOptions } from './retry-budget.js';
import { createMemoryStore } from '../store/memory-store.js';
import { sha256Hex } from '../store/sha256.js';
import type { BreakerSettings, StateStore, StoreScope } from '../store/state-store.js';

export interface BreakerOptions {
  /** Outage answers in a row (server, network, timeout; retries included) that open it. Default 5. */
  failureThreshold?: number;
  /** The first open period; then one probe goes. Default 5000. */
  openMs?: number;
  /** Each failed probe doubles the period, up to this. Default 60000. */
  maxOpenMs?: number;
}

export function checkBreaker(option: unknown): BreakerSettings | undefined {
  if (option === undefined || option === false) return undefined;
  if (option !== true && (option === null || typeof option !== 'object')) refuse('breaker', 'must be true, false or breaker options');
  const o = (option === true ? {} : option) as BreakerOptions;
  const failureThreshold = checkNumber('breaker.failureThreshold', o.failureThreshold, 5);
  if (failureThreshold < 1 || !Number.isInteger(failureThreshold)) refuse('breaker.failureThreshold', 'must be a whole number >= 1');
  const openMs = checkDelay('breaker.openMs', o.openMs, 5000);
  const maxOpenMs = checkDelay('breaker.maxOpenMs', o.maxOpenMs, Math.max(60_000, openMs));
  if (maxOpenMs < openMs) refuse('breaker.maxOpenMs', 'must be at least breaker.openMs');
  return { failureThreshold, openMs, maxOpenMs };
}

export function checkPause(option: unknown): boolean {
  if (option !== undefined && typeof option !== 'boolean') refuse('rateLimitPause', 'must be true or false');
  return option === true;
}

export function checkStore(option: unknown): StateStore {
  if (option === undefined) return createMemoryStore();
  const store = option as Partial<StateStore> | null;
  if (store === null || typeof store !== 'object' || typeof store.admit !== 'function' || typeof store.record !== 'function') {
    refuse('store', 'must be a state store (createMemoryStore(), createRedisStore(...))');
  }
  return store as StateStore;
}

export function checkHooks(option: unknown): ClientHooks {
  if (option === undefined) return {};
  if (option === null || typeof option !== 'object') refuse('hooks', 'must be an object of functions');
  const hooks = option as ClientHooks;
  for (const name of ['onRequestStart', 'onAttemptStart', 'onAttemptEnd', 'onRetry', 'onBreakerChange', 'onRequestEnd'] as const) {
    checkFunction(`hooks.${name}`, hooks[name]);
  }
  return hooks;
}

export function checkBudget(option: RetryBudgetOptions | RetryBudget | false | undefined): BudgetSettings | RetryBudget | undefined {
  if (option === false) return undefined;
  if (option === null || (option !== undefined && typeof option !== 'object')) {
    refuse('retry.budget', 'must be budget options, a budget from createRetryBudget, or false');
  }
  if (option !== undefined && 'acquire' in option) {
    if (typeof option.acquire !== 'function' || typeof option.recordSuccess !== 'function') refuse('retry.budget', 'needs acquire and recordSuccess');
    return option;
  }
  for (const name of ['capacity', 'retryCost', 'timeoutCost', 'successReward'] as const) checkNumber(`retry.budget.${name}`, option?.[name], 0);
  return budgetSettings(option);
}

/**
 * The breaker's scope is the provider's (an outage is theirs); the budget's and the pause's add
 * the account, named by a salted SHA-256 of the key so no store ever holds the key itself.
 */
export function storeScope(adapter: Adapter, baseUrl: string, apiKey: unknown): StoreScope {
  const provider = `${adapter.name}:${new URL(baseUrl).origin}`;
  const account = typeof apiKey === 'string' && apiKey !== '' ? sha256Hex(`faultline\0${apiKey}`).slice(0, 32) : 'anonymous';
  return { provider, account: `${provider}:${account}` };
}
