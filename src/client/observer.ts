import type { ErrorResult } from '../errors/error-result.js';
import type { BreakerChangeEvent } from './provider-health.js';

/** One `request()` or `waitForJob()` call, the same object in every event of that call. */
export interface CallInfo {
  /** The adapter's name. */
  readonly provider: string;
  readonly method: string;
  /** The request URL, query included, scrubbed of the API key; for a job, its status URL. */
  readonly url: string;
  /** A `waitForJob` call, whose attempts are its polls and their retries. */
  readonly job: boolean;
}

export interface RequestStartEvent {
  call: CallInfo;
}

export interface AttemptStartEvent {
  call: CallInfo;
  /** 1-based, across the whole call (a job's polls included). */
  attempt: number;
  /** How many times this request was sent before (0 for a first attempt or a new poll). */
  resend: number;
}

export interface AttemptEndEvent extends AttemptStartEvent {
  durationMs: number;
  /** The status the server answered with, when it answered. */
  status?: number;
  /** The attempt's failure; absent when it succeeded. */
  error?: ErrorResult;
}

export interface RetryEvent {
  call: CallInfo;
  /** The attempt that failed. */
  attempt: number;
  /** The wait before the next attempt. */
  delayMs: number;
  error: ErrorResult;
}

export interface RequestEndEvent {
  call: CallInfo;
  durationMs: number;
  /** HTTP requests the call made. */
  attempts: number;
  /** The call's final error, with `outcome` and `attempts`; absent when it succeeded. */
  error?: ErrorResult;
}

/** Observers of a client's calls. They see, never change: a hook that throws is ignored. */
export interface ClientHooks {
  onRequestStart?: (event: RequestStartEvent) => void;
  onAttemptStart?: (event: AttemptStartEvent) => void;
  onAttemptEnd?: (event: AttemptEndEvent) => void;
  /** Before each retry's wait. (`createClient`'s `onRetry` option is called too, as before.) */
  onRetry?: (event: RetryEvent) => void;
  /** A breaker transition this process saw (`closed` -> `open` -> `half_open` -> `closed` or `open`). */
  onBreakerChange?: (event: BreakerChangeEvent) => void;
  onRequestEnd?: (event: RequestEndEvent) => void;
}

/**
 * @internal The client's side of the hooks, called at the loop's points. It keeps each call's
 * start, attempt count and the running attempt's start, so the loop passes only what it knows.
 */
export interface Observer {
  begin(method: string, url: string, job: boolean): CallInfo;
  /** Returns the attempt's number within the call. */
  attemptStart(call: CallInfo, resend: number): number;
  attemptEnd(call: CallInfo, attempt: number, resend: number, status: number | undefined, error: ErrorResult | undefined): void;
  retry(call: CallInfo, attempt: number, delayMs: number, error: ErrorResult): void;
  end(call: CallInfo, error: ErrorResult | undefined): void;
}

/** @internal Calls a hook, if there is one; a hook that throws changes nothing. */
export const notify = <E>(hook: ((event: E) => void) | undefined, event: E): void => {
  if (hook === undefined) return;
  try {
    hook(event);
  } catch {
    // An observer that throws must not change the call.
  }
};

/**
 * @internal The observer for these hooks, or `undefined` when none of them watches calls: then
 * the loop builds no event at all, so a client without hooks pays nothing for them.
 */
export function createObserver(hooks: ClientHooks, provider: string, scrub: (text: string) => string): Observer | undefined {
  const { onRequestStart, onAttemptStart, onAttemptEnd, onRetry, onRequestEnd } = hooks;
  if ([onRequestStart, onAttemptStart, onAttemptEnd, onRetry, onRequestEnd].every((h) => h === undefined)) return undefined;
  const calls = new WeakMap<CallInfo, { started: number; attempts: number; attemptStarted: number }>();
  return {
    begin(method, url, job) {
      const info: CallInfo = Object.freeze({ provider, method, url: scrub(url), job });
      calls.set(info, { started: Date.now(), attempts: 0, attemptStarted: 0 });
      notify(onRequestStart, { call: info });
      return info;
    },
    attemptStart(info, resend) {
      const state = calls.get(info)!;
      state.attemptStarted = Date.now();
      const attempt = ++state.attempts;
      notify(onAttemptStart, { call: info, attempt, resend });
      return attempt;
    },
    attemptEnd(info, attempt, resend, status, error) {
      const durationMs = Date.now() - calls.get(info)!.attemptStarted;
      notify(onAttemptEnd, { call: info, attempt, resend, durationMs, status, error });
    },
    retry: (info, attempt, delayMs, error) => notify(onRetry, { call: info, attempt, delayMs, error }),
    end(info, error) {
      const state = calls.get(info)!;
      calls.delete(info);
      notify(onRequestEnd, { call: info, durationMs: Date.now() - state.started, attempts: state.attempts, error });
    },
  };
}
