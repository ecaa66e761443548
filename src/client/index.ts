/**
 * client: the fetch wrapper. createClient checks its options once; each request is built
 * (build-request), sent as attempts (attempt: fetch under a timeout, never following a
 * redirect, bounded read, classify), and looped by the pure retry decision and the sleeps
 * (client); the state store is asked before each attempt and told after it (provider-health:
 * budget, breaker, pause). Its promise never rejects.
 */
export {
  type Client,
  type ClientOptions,
  type QueryValue,
  type RequestOptions,
  type RetryOptions,
  createClient,
  DEFAULT_TIMEOUT_MS,
} from './client.js';
export { type BreakerOptions } from './health-options.js';
export {
  type AttemptEndEvent,
  type AttemptStartEvent,
  type CallInfo,
  type ClientHooks,
  type RequestEndEvent,
  type RequestStartEvent,
  type RetryEvent,
} from './observer.js';
export { type BreakerChangeEvent } from './provider-health.js';
export { type RetryBudget, type RetryBudgetOptions, createRetryBudget } from './retry-budget.js';
export { type RetryAnswer, type RetryQuestion, type RetrySettings, type RetryStop, decideRetry } from './retry-decision.js';
export { backoffDelay } from './backoff.js';
export { type JobProgress, type WaitForJobOptions } from './wait-for-job.js';
