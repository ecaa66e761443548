import { describe, expect, it } from 'vitest';
import type { AttemptReport, BreakerSettings, StateStore, StoreScope } from '../../src/index.js';

// What every state store promises, run against the memory store and against a real Redis. Real
// time, short periods: Redis decides on its own clock, which a test cannot fake.

const breaker: BreakerSettings = { failureThreshold: 3, openMs: 120, maxOpenMs: 300 };
let n = 0;
const freshScope = (): StoreScope => {
  n += 1;
  const provider = `test:http://127.0.0.1:${1000 + n}-${Math.random().toString(36).slice(2)}`;
  return { provider, account: `${provider}:acct` };
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function storeContract(label: string, open: () => StateStore): void {
  describe(`${label}: the state store contract`, () => {
    const admit = (store: StateStore, scope: StoreScope, leaseMs = 1000, pauseOn = false) =>
      Promise.resolve(store.admit({ scope, breaker, pause: pauseOn, leaseMs }));
    const record = (store: StateStore, scope: StoreScope, extra: Partial<AttemptReport>) =>
      Promise.resolve(store.record({ scope, breaker, health: 'neutral', ...extra }));
    const trip = async (store: StateStore, scope: StoreScope, retryAfterMs?: number) => {
      for (let i = 0; i < breaker.failureThreshold; i++) {
        await record(store, scope, retryAfterMs === undefined ? { health: 'failure' } : { health: 'failure', retryAfterMs });
      }
    };

    it('opens after failureThreshold outage answers in a row, and a success in between resets the count', async () => {
      const store = open();
      const scope = freshScope();
      await record(store, scope, { health: 'failure' });
      await record(store, scope, { health: 'failure' });
      await record(store, scope, { health: 'success' });
      await record(store, scope, { health: 'failure' });
      await record(store, scope, { health: 'failure' });
      expect(await admit(store, scope)).toEqual({ go: true });
      const third = await record(store, scope, { health: 'failure' });
      expect(third.change).toEqual({ from: 'closed', to: 'open' });
      const refused = await admit(store, scope);
      expect(refused).toMatchObject({ go: false, code: 'circuit_open' });
      expect(refused.go === false && refused.waitMs).toBeGreaterThan(60);
      expect(refused.go === false && refused.waitMs).toBeLessThanOrEqual(120);
    });

    it('neutral reports (aborts, deadlines) neither count nor reset', async () => {
      const store = open();
      const scope = freshScope();
      await record(store, scope, { health: 'failure' });
      await record(store, scope, { health: 'failure' });
      await record(store, scope, { health: 'neutral' });
      expect((await record(store, scope, { health: 'failure' })).change).toEqual({ from: 'closed', to: 'open' });
    });

    it('lets exactly one probe through per open period, even to 50 concurrent asks', async () => {
      const store = open();
      const scope = freshScope();
      await trip(store, scope);
      await pause(140);
      const answers = await Promise.all(Array.from({ length: 50 }, () => admit(store, scope)));
      const probes = answers.filter((a) => a.go);
      expect(probes).toHaveLength(1);
      expect(probes[0]).toMatchObject({ go: true, change: { from: 'open', to: 'half_open' } });
      expect(probes[0]!.go && probes[0]!.probe).toBeGreaterThan(0);
      expect(answers.filter((a) => !a.go).every((a) => !a.go && a.code === 'circuit_open')).toBe(true);
    });

    it("the probe's success closes it", async () => {
      const store = open();
      const scope = freshScope();
      await trip(store, scope);
      await pause(140);
      const probe = await admit(store, scope);
      const closed = await record(store, scope, { health: 'success', probe: probe.go ? probe.probe : -1 });
      expect(closed.change).toEqual({ from: 'half_open', to: 'closed' });
      expect(await admit(store, scope)).toEqual({ go: true });
    });

    it("the probe's failure re-opens it for twice as long, up to maxOpenMs", async () => {
      const store = open();
      const scope = freshScope();
      await trip(store, scope);
      await pause(140);
      let probe = await admit(store, scope);
      expect((await record(store, scope, { health: 'failure', probe: probe.go ? probe.probe : -1 })).change).toEqual({ from: 'half_open', to: 'open' });
      let refused = await admit(store, scope);
      expect(refused.go === false && refused.waitMs).toBeGreaterThan(180); // 240 ms now
      expect(refused.go === false && refused.waitMs).toBeLessThanOrEqual(240);
      await pause(260);
      probe = await admit(store, scope);
      expect(probe.go).toBe(true);
      await record(store, scope, { health: 'failure', probe: probe.go ? probe.probe : -1 });
      refused = await admit(store, scope);
      expect(refused.go === false && refused.waitMs).toBeGreaterThan(240); // capped at 300, not 480
      expect(refused.go === false && refused.waitMs).toBeLessThanOrEqual(300);
    });

    it('an open period is never shorter than the Retry-After that opened it', async () => {
      const store = open();
      const scope = freshScope();
      await trip(store, scope, 1000);
      const refused = await admit(store, scope);
      expect(refused.go === false && refused.waitMs).toBeGreaterThan(900);
    });

    it('a probe that never reports counts as failed once its lease ends', async () => {
      const store = open();
      const scope = freshScope();
      await trip(store, scope);
      await pause(140);
      expect((await admit(store, scope, 50)).go).toBe(true);
      expect((await admit(store, scope, 50)).go).toBe(false);
      // Lease over at +50, then open for 240 ms: no probe before then.
      await pause(80);
      expect(await admit(store, scope, 50)).toMatchObject({ go: false, code: 'circuit_open' });
      await pause(260);
      expect((await admit(store, scope, 50)).go).toBe(true);
    });

    it('a probe that learned nothing hands the turn to the next attempt; stale probes are ignored', async () => {
      const store = open();
      const scope = freshScope();
      await trip(store, scope);
      await pause(140);
      const first = await admit(store, scope);
      await record(store, scope, { health: 'neutral', probe: first.go ? first.probe : -1 });
      const second = await admit(store, scope);
      expect(second.go).toBe(true);
      expect(second.go && first.go && second.probe! > first.probe!).toBe(true);
      // The first probe's late success says nothing about the second.
      expect((await record(store, scope, { health: 'success', probe: first.go ? first.probe : -1 })).change).toBeUndefined();
      expect((await admit(store, scope)).go).toBe(false);
    });

    it('keeps providers apart', async () => {
      const store = open();
      const a = freshScope();
      const b = freshScope();
      await trip(store, a);
      expect((await admit(store, a)).go).toBe(false);
      expect((await admit(store, b)).go).toBe(true);
    });

    it('pauses an account until its Retry-After; a pause only grows; other accounts and pause-off clients go', async () => {
      const store = open();
      const scope = freshScope();
      await record(store, scope, { pauseMs: 300 });
      const paused = await admit(store, scope, 1000, true);
      expect(paused).toMatchObject({ go: false, code: 'rate_limit_pause' });
      expect(paused.go === false && paused.waitMs).toBeGreaterThan(200);
      await record(store, scope, { pauseMs: 10 });
      const still = await admit(store, scope, 1000, true);
      expect(still.go === false && still.waitMs).toBeGreaterThan(200);
      await record(store, scope, { pauseMs: 2000 });
      const longer = await admit(store, scope, 1000, true);
      expect(longer.go === false && longer.waitMs).toBeGreaterThan(1500);
      expect((await admit(store, { ...scope, account: `${scope.account}-other` }, 1000, true)).go).toBe(true);
      expect(await Promise.resolve(store.admit({ scope, pause: false, leaseMs: 1000 }))).toEqual({ go: true });
    });

    it('a pause ends on time', async () => {
      const store = open();
      const scope = freshScope();
      await record(store, scope, { pauseMs: 60 });
      expect((await admit(store, scope, 1000, true)).go).toBe(false);
      await pause(90);
      expect((await admit(store, scope, 1000, true)).go).toBe(true);
    });

    it('spends and refunds the retry budget per account, never above capacity', async () => {
      const store = open();
      const scope = freshScope();
      const take = (cost: number) => record(store, scope, { budget: { capacity: 12, take: cost } }).then((r) => r.granted);
      expect(await take(5)).toBe(true);
      expect(await take(5)).toBe(true);
      expect(await take(5)).toBe(false);
      await record(store, scope, { budget: { capacity: 12, give: 5 } });
      expect(await take(5)).toBe(true);
      for (let i = 0; i < 20; i++) await record(store, scope, { budget: { capacity: 12, give: 1 } });
      expect(await take(12)).toBe(true);
      expect(await take(1)).toBe(false);
      expect(await record(store, { ...scope, account: `${scope.account}-b` }, { budget: { capacity: 12, take: 12 } })).toMatchObject({ granted: true });
    });
  });
}
