import type { ErrorKind, Outcome } from '../errors/error-result.js';
import { kindBehavior } from '../errors/kind-behavior.js';
import type { Failure } from './attempt.js';
import { type BudgetSettings, type RetryBudget, retryCost } from './retry-budget.js';
import { sleep } from './sleep.js';
import { notify } from './observer.js';
import type { Admission, AttemptHealth, AttemptReport, BreakerChange, BreakerSettings, Recorded, StateStore, StoreScope } from '../store/state-store.js';

/** `hooks.onBreakerChange`'s event: a transition of the breaker of `scope` this process saw. */
export interface BreakerChangeEvent extends BreakerChange {
  /** The breaker's scope: the adapter's name and the `baseUrl` origin, as `name:origin`. */
  scope: string;
}

/** @internal What the seam needs from its client, resolved once at construction. */
export interface HealthSettings {
  store: StateStore;
  scope: StoreScope;
  breaker: BreakerSettings | undefined;
  pause: boolean;
  /** The budget in the store, or a standalone `RetryBudget` given as `retry.budget`. */
  budget: BudgetSettings | RetryBudget | undefined;
  maxRetryAfterMs: number;
  onBreakerChange: ((event: BreakerChangeEvent) => void) | undefined;
  fail: (kind: ErrorKind, code: string, message: string, outcome: Outcome, status?: number, retryAfterMs?: number) => Failure;
}

/** @internal What one call carries from an attempt to the next. */
export interface CallHealth {
  /** The half-open probe this call's attempt is, if it is one. */
  probe?: number;
  /** Tokens its last retry spent, refunded when the call succeeds. */
  spent?: number;
}

/**
 * @internal The client's one seam to its state store: asked before an attempt (`admit`: is the
 * breaker open, the account paused, is this the probe?) and told after it (`record`: its health,
 * a pause to raise, the budget to spend or refund). A store that throws or rejects decides
 * nothing: the attempt goes and the retry is paid, as with no store.
 */
export interface ProviderHealth {
  /** The breaker or the pause is on: `admit` has something to say. */
  readonly guards: boolean;
  /** `undefined` to send the attempt, or the Failure that ends the call unsent. Waits out a pause that fits. */
  admit(call: CallHealth, timeoutMs: number, remainingMs: number | undefined, signal: AbortSignal | undefined): Failure | undefined | Promise<Failure | undefined>;
  /** After an attempt (`error` undefined for a success). With `retrying`, answers whether the budget paid for the retry. */
  record(call: CallHealth, error: Failure | undefined, retrying: boolean): boolean | Promise<boolean>;
  /** Tokens left in this client's bucket, as this process knows them. */
  readonly budget: { readonly available: number } | undefined;
}

const GO: Admission = { go: true };
const PAID: Recorded = { granted: true };

export function providerHealth(s: HealthSettings): ProviderHealth {
  const { store, scope, breaker, pause } = s;
  const standalone = s.budget !== undefined && 'acquire' in s.budget ? s.budget : undefined;
  const inStore = standalone === undefined ? (s.budget as BudgetSettings | undefined) : undefined;

  const changed = (change: BreakerChange | undefined): void => {
    if (change !== undefined) notify(s.onBreakerChange, { scope: scope.provider, from: change.from, to: change.to });
  };
  // Sync answers stay sync: the memory store costs a call no tick.
  const ask = <T extends { change?: BreakerChange }>(question: () => T | PromiseLike<T>, fallback: T): T | Promise<T> => {
    let answer: T | PromiseLike<T>;
    try {
      answer = question();
    } catch {
      return fallback;
    }
    if (typeof (answer as PromiseLike<T>)?.then !== 'function') {
      changed((answer as T).change);
      return answer as T;
    }
    return Promise.resolve(answer).then(
      (a) => (changed(a.change), a),
      () => fallback,
    );
  };

  const refusal = (a: Extract<Admission, { go: false }>): Failure =>
    a.code === 'circuit_open'
      ? s.fail('server', 'circuit_open', `The circuit breaker for ${scope.provider} is open after repeated failures; the next probe is in ${a.waitMs} ms.`, 'not_sent', undefined, a.waitMs)
      : s.fail('rate_limited', 'rate_limit_pause', `The account is rate limited; its requests are paused for ${a.waitMs} ms more.`, 'not_sent', undefined, a.waitMs);

  return {
    guards: breaker !== undefined || pause,

    admit(call, timeoutMs, remainingMs, signal) {
      // A probe that never reports counts as failed once its attempt could no longer be running.
      const attemptMs = Math.min(timeoutMs > 0 ? timeoutMs : Infinity, remainingMs ?? Infinity);
      const query = { scope, breaker, pause, leaseMs: attemptMs === Infinity ? (breaker?.maxOpenMs ?? 0) : attemptMs };
      const first = ask(() => store.admit(query), GO);
      // The memory store's "go" costs the call no tick.
      if (!(first instanceof Promise) && first.go) {
        call.probe = first.probe;
        return undefined;
      }
      return (async () => {
        let a = await first;
        let left = remainingMs;
        for (;;) {
          if (a.go) {
            call.probe = a.probe;
            return undefined;
          }
          // A pause that fits is waited out, then asked again: another worker may have raised it.
          if (a.code !== 'rate_limit_pause' || a.waitMs > s.maxRetryAfterMs || (left !== undefined && a.waitMs >= left)) return refusal(a);
          const started = Date.now();
          if (!(await sleep(a.waitMs, signal))) return s.fail('aborted', 'aborted', 'The caller aborted the request.', 'not_sent');
          if (left !== undefined) left -= Date.now() - started;
          a = await ask(() => store.admit(query), GO);
        }
      })();
    },

    record(call, error, retrying) {
      const behavior = error === undefined ? undefined : kindBehavior(error.kind);
      const report: AttemptReport = { scope, health: error === undefined ? 'success' : healthOf(error) };
      if (breaker !== undefined) report.breaker = breaker;
      if (call.probe !== undefined) report.probe = call.probe;
      call.probe = undefined;
      if (error?.retryAfterMs !== undefined) {
        report.retryAfterMs = error.retryAfterMs;
        if (pause && behavior!.pauses) report.pauseMs = error.retryAfterMs;
      }
      let cost: number | undefined;
      if (error === undefined) {
        if (standalone !== undefined) standalone.recordSuccess(call.spent);
        else if (inStore !== undefined) report.budget = { capacity: inStore.capacity, give: call.spent ?? inStore.successReward };
      } else if (retrying) {
        if (standalone !== undefined) {
          call.spent = standalone.acquire(error.kind);
          if (call.spent === undefined) retrying = false;
        } else if (inStore !== undefined) {
          cost = retryCost(inStore, error.kind);
          report.budget = { capacity: inStore.capacity, take: cost };
        }
      }
      if (report.budget === undefined && breaker === undefined && report.pauseMs === undefined) return retrying;
      const answer = ask(() => store.record(report), PAID);
      if (!retrying || cost === undefined) return retrying;
      const paid = (r: Recorded): boolean => {
        if (r.granted) call.spent = cost;
        return r.granted;
      };
      return answer instanceof Promise ? answer.then(paid) : paid(answer);
    },

    get budget() {
      if (standalone !== undefined) return standalone;
      if (inStore === undefined) return undefined;
      const capacity = inStore.capacity;
      return { get available() {
        return Math.min(capacity, store.peek?.(scope).budget ?? capacity);
      } };
    },
  };
}

/** @internal Whether an attempt's error says the provider is down, answered, or nothing at all. */
export function healthOf(error: Failure): AttemptHealth {
  if (kindBehavior(error.kind).outage) return error.code === 'deadline_exceeded' ? 'neutral' : 'failure';
  return error.status !== undefined ? 'success' : 'neutral';
}
