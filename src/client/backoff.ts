export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Full jitter: before retry n (0, 1, 2, ...) wait a random time in [0, min(maxDelayMs, baseDelayMs * 2^n)].
 * Spreads a crowd of clients that failed together instead of retrying in lockstep.
 */
export function backoffDelay(retryIndex: number, options: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.min(retryIndex, 52));
  return Math.floor(unitRandom(random) * Math.max(0, ceiling));
}

/** A draw in [0, 1] from a caller's source that may return anything (NaN reads as 0.5). */
export function unitRandom(random: () => number): number {
  const r = random();
  return Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0.5;
}
