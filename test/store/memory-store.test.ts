import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/index.js';
import { storeContract } from './store-contract.js';

storeContract('memory store', () => createMemoryStore());

describe('memory store', () => {
  const scope = { provider: 'p', account: 'p:a' };
  const breaker = { failureThreshold: 1, openMs: 1000, maxOpenMs: 4000 };

  it('answers synchronously, on the clock it is given', () => {
    let now = 1_000_000;
    const store = createMemoryStore({ now: () => now });
    expect(store.record({ scope, breaker, health: 'failure' })).toEqual({ granted: true, change: { from: 'closed', to: 'open' } });
    expect(store.admit({ scope, breaker, pause: false, leaseMs: 10 })).toEqual({ go: false, code: 'circuit_open', waitMs: 1000 });
    now += 1000;
    expect(store.admit({ scope, breaker, pause: false, leaseMs: 10 })).toEqual({ go: true, probe: 1, change: { from: 'open', to: 'half_open' } });
    // The probe's lease ends at +10; it failed then, and the period doubled from there.
    now += 10;
    expect(store.admit({ scope, breaker, pause: false, leaseMs: 10 })).toEqual({ go: false, code: 'circuit_open', waitMs: 2000, change: { from: 'half_open', to: 'open' } });
    expect(store.peek(scope)).toEqual({ breaker: 'open', failures: 0, pausedMs: 0, budget: undefined });
  });

  it('peeks at pauses and budgets', () => {
    let now = 0;
    const store = createMemoryStore({ now: () => now });
    store.record({ scope, health: 'success', pauseMs: 500, budget: { capacity: 10, take: 4 } });
    expect(store.peek(scope)).toMatchObject({ breaker: 'closed', pausedMs: 500, budget: 6 });
    now = 600;
    expect(store.peek(scope).pausedMs).toBe(0);
    expect(store.admit({ scope, pause: true, leaseMs: 1 })).toEqual({ go: true });
  });
});
