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

/** @internal The client's side of the hooks: called at the loop's points, each hook guarded. */
export interface Observer {
  begin(method: string, url: string, job: boolean): CallInfo;
  attemptStart(event: AttemptStartEvent): void;
  attemptEnd(event: AttemptEndEvent): void;
  retry(event: RetryEvent): void;
  end(event: RequestEndEvent): void;
}

const call = <E>(hook: ((event: E) => void) | undefined, event: E): void => {
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
  return {
    begin(method, url, job) {
      const info: CallInfo = Object.freeze({ provider, method, url: scrub(url), job });
      call(onRequestStart, { call: info });
      return info;
    },
    attemptStart: (event) => call(onAttemptStart, event),
    attemptEnd: (event) => call(onAttemptEnd, event),
    retry: (event) => call(onRetry, event),
    end: (event) => call(onRequestEnd, event),
  };
}
