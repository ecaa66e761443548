import { admitBreaker, type BreakerRecord, closedBreaker, recordBreaker } from './breaker-rules.js';
import type { Admission, AdmitQuery, AttemptReport, BreakerChange, Recorded, StateStore, StoreScope, StoreView } from './state-store.js';

export interface MemoryStoreOptions {
  /** The clock, in ms. Default `Date.now`. */
  now?: () => number;
}

export interface MemoryStore extends StateStore {
  admit(query: AdmitQuery): Admission;
  record(report: AttemptReport): Recorded;
  /** What this store knows of a scope (for tests and health pages). */
  peek(scope: StoreScope): StoreView;
}

/**
 * State kept in this process's memory: each client has its own unless several are given the
 * same store. Every decision is synchronous, so it costs a call no tick.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const now = options.now ?? Date.now;
  const breakers = new Map<string, BreakerRecord>();
  const pauses = new Map<string, number>();
  const budgets = new Map<string, number>();

  const breakerOf = (scope: StoreScope): BreakerRecord => {
    let b = breakers.get(scope.provider);
    if (b === undefined) breakers.set(scope.provider, (b = closedBreaker()));
    return b;
  };
  const changed = (from: BreakerRecord['state'], b: BreakerRecord): BreakerChange | undefined =>
    from === b.state ? undefined : { from, to: b.state };

  return {
    admit(q) {
      const t = now();
      if (q.pause) {
        const until = pauses.get(q.scope.account);
        if (until !== undefined) {
          if (until > t) return { go: false, code: 'rate_limit_pause', waitMs: until - t };
          pauses.delete(q.scope.account);
        }
      }
      if (q.breaker === undefined) return { go: true };
      const b = breakerOf(q.scope);
      const from = b.state;
      const decision = admitBreaker(b, t, q.breaker, q.leaseMs);
      const change = changed(from, b);
      if (!decision.go) return change === undefined ? { go: false, code: 'circuit_open', waitMs: decision.waitMs } : { go: false, code: 'circuit_open', waitMs: decision.waitMs, change };
      const admission: Admission = { go: true };
      if (decision.probe !== undefined) admission.probe = decision.probe;
      if (change !== undefined) admission.change = change;
      return admission;
    },

    record(r) {
      const t = now();
      const recorded: Recorded = { granted: true };
      if (r.breaker !== undefined) {
        const b = breakerOf(r.scope);
        const from = b.state;
        recordBreaker(b, t, r.breaker, r.health, r.probe, r.retryAfterMs ?? 0);
        const change = changed(from, b);
        if (change !== undefined) recorded.change = change;
      }
      if (r.pauseMs !== undefined && r.pauseMs > 0) {
        const until = t + r.pauseMs;
        if (until > (pauses.get(r.scope.account) ?? 0)) pauses.set(r.scope.account, until);
      }
      const budget = r.budget;
      if (budget !== undefined) {
        const tokens = Math.min(budget.capacity, budgets.get(r.scope.account) ?? budget.capacity);
        if (budget.take !== undefined) {
          recorded.granted = budget.take <= tokens;
          if (recorded.granted) budgets.set(r.scope.account, tokens - budget.take);
        } else if (budget.give !== undefined) {
          budgets.set(r.scope.account, Math.min(budget.capacity, tokens + budget.give));
        }
      }
      return recorded;
    },

    peek(scope) {
      const b = breakers.get(scope.provider) ?? closedBreaker();
      return {
        breaker: b.state,
        failures: b.failures,
        pausedMs: Math.max(0, (pauses.get(scope.account) ?? 0) - now()),
        budget: budgets.get(scope.account),
      };
    },
  };
}
