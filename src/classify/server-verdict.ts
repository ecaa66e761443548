import type { ErrorResult } from '../errors/error-result.js';

// A server's x-should-retry, kept beside the ErrorResult normalize made from that answer (which
// stays plain data), for the retry decision to read without reading the header again.
const verdicts = new WeakMap<ErrorResult, boolean>();

/** @internal `x-should-retry: true | false` (OpenAI and Anthropic send it), else `undefined`. */
export function serverVerdict(value: string | undefined): boolean | undefined {
  const v = value?.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

/** @internal Remembers the verdict of the answer behind `result`. */
export function noteVerdict(result: ErrorResult, verdict: boolean | undefined): void {
  if (verdict !== undefined) verdicts.set(result, verdict);
}

/** @internal The `x-should-retry` verdict of the answer behind a failure, if the server gave one. */
export const verdictOf = (failure: ErrorResult): boolean | undefined => verdicts.get(failure);

/** @internal The same failure in a new object (with the call's outcome and attempts) keeps its verdict. */
export function keepVerdict<E extends ErrorResult>(from: ErrorResult, to: E): E {
  noteVerdict(to, verdicts.get(from));
  return to;
}
