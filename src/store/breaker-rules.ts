import type { AttemptHealth, BreakerSettings, BreakerState } from './state-store.js';

/**
 * @internal One scope's breaker as stored. The Redis store keeps the same fields in a hash and
 * runs the same rules in Lua (redis-scripts.ts): a change here is a change there.
 */
export interface BreakerRecord {
  state: BreakerState;
  /** Outage answers in a row while closed. */
  failures: number;
  /** Open: when the next probe may go. Half-open with a probe out: when that probe's lease ends. */
  until: number;
  /** The open period now in force (doubles on each failed probe). */
  period: number;
  /** The last probe's number. */
  probe: number;
  /** A probe is out. */
  probing: boolean;
}

export const closedBreaker = (): BreakerRecord => ({ state: 'closed', failures: 0, until: 0, period: 0, probe: 0, probing: false });

/** What admitting an attempt decided: go (perhaps as the probe) or wait this long. */
export type BreakerAdmission = { go: true; probe?: number } | { go: false; waitMs: number };

/** @internal Before an attempt. Mutates `b`. */
export function admitBreaker(b: BreakerRecord, now: number, settings: BreakerSettings, leaseMs: number): BreakerAdmission {
  // A probe that never reported (its worker died) failed when its lease ran out.
  if (b.state === 'half_open' && b.probing && now >= b.until) reopen(b, b.until, settings, 0);
  if (b.state === 'open') {
    if (now < b.until) return { go: false, waitMs: b.until - now };
    b.state = 'half_open';
    b.probing = false;
  }
  if (b.state === 'half_open') {
    if (b.probing) return { go: false, waitMs: Math.max(1, b.until - now) };
    b.probe += 1;
    b.probing = true;
    b.until = now + leaseMs;
    return { go: true, probe: b.probe };
  }
  return { go: true };
}

/** @internal After an attempt. Mutates `b`. */
export function recordBreaker(
  b: BreakerRecord,
  now: number,
  settings: BreakerSettings,
  health: AttemptHealth,
  probe: number | undefined,
  retryAfterMs: number,
): void {
  if (b.state === 'closed') {
    if (health === 'success') b.failures = 0;
    else if (health === 'failure' && ++b.failures >= settings.failureThreshold) {
      b.period = settings.openMs;
      b.state = 'open';
      b.failures = 0;
      b.until = now + Math.max(b.period, retryAfterMs);
    }
  } else if (b.state === 'half_open' && b.probing && probe === b.probe) {
    if (health === 'success') Object.assign(b, closedBreaker(), { probe: b.probe });
    else if (health === 'failure') reopen(b, now, settings, retryAfterMs);
    // A probe that learned nothing (aborted, cut by its deadline) hands the turn to the next attempt.
    else b.probing = false;
  } else if (b.state === 'open' && health === 'failure') {
    b.until = Math.max(b.until, now + retryAfterMs);
  }
  // Reports from attempts admitted before the breaker opened say nothing about the probe.
}

function reopen(b: BreakerRecord, at: number, settings: BreakerSettings, retryAfterMs: number): void {
  b.period = Math.min(settings.maxOpenMs, b.period * 2);
  b.state = 'open';
  b.probing = false;
  b.until = at + Math.max(b.period, retryAfterMs);
}
