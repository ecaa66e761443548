import { MAX_TIMER_MS } from '../http/retry-after.js';

// Reasons an attempt is aborted with, to tell our timeout from the caller's signal.
export const TIMEOUT = 'faultline:timeout';
export const DEADLINE = 'faultline:deadline';
export const CALLER = 'faultline:caller';

/** The signal one attempt gives fetch, and why it fired, if it did. */
export interface AttemptSignal {
  readonly signal: AbortSignal | undefined;
  /** `TIMEOUT`, `DEADLINE`, `CALLER`, or `undefined` while it has not fired. */
  reason(): unknown;
  /** The attempt is over: stop its timer, stop following the caller's signal. */
  release(): void;
}

const NONE: AttemptSignal = { signal: undefined, reason: () => undefined, release: () => undefined };

/**
 * A signal that fires when the attempt's time is up (its own timeout, or what is left of the
 * call's deadline) or the caller's signal fires. `undefined` limit and no caller signal: no
 * signal at all, which costs fetch nothing.
 */
export function attemptSignal(timeoutMs: number, remainingMs: number | undefined, caller: AbortSignal | undefined): AttemptSignal {
  // 0 or Infinity means no per-attempt limit; setTimeout would fire at once for either.
  const perAttempt = timeoutMs > 0 ? timeoutMs : Infinity;
  const byDeadline = remainingMs !== undefined && remainingMs < perAttempt;
  const limit = byDeadline ? remainingMs : perAttempt;
  if (caller === undefined && limit === Infinity) return NONE;
  // One controller per attempt: sharing one across attempts was measured slower, since undici
  // keeps a listener on the signal per request until it is collected.
  const controller = new AbortController();
  const timer = limit < Infinity ? setTimeout(() => controller.abort(byDeadline ? DEADLINE : TIMEOUT), Math.min(limit, MAX_TIMER_MS)) : undefined;
  const onAbort = (): void => controller.abort(CALLER);
  caller?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    reason: () => (controller.signal.aborted ? controller.signal.reason : undefined),
    release: () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    },
  };
}
