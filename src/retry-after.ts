import { type HeadersInput, readHeaders } from './headers.js';
import { parseHttpDate } from './http-date.js';

/** The largest delay `setTimeout` can hold; larger values would wrap to 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

const DELTA_SECONDS = /^\d+(?:\.\d+)?$/;

/**
 * Milliseconds to wait from a response's `retry-after-ms` or `Retry-After` header
 * (delta-seconds or an HTTP-date in any RFC 9110 form, read as GMT).
 * Never negative, never NaN, clamped to what a timer can hold; `undefined` when absent or unreadable.
 */
export function parseRetryAfter(headers: HeadersInput | undefined | null, nowMs?: number): number | undefined {
  const [ms, value] = readHeaders(headers, ['retry-after-ms', 'retry-after']);
  return retryAfterFromValues(ms, value, nowMs);
}

/** @internal `parseRetryAfter` on header values already read. */
export function retryAfterFromValues(
  retryAfterMs: string | undefined,
  retryAfter: string | undefined,
  nowMs?: number,
): number | undefined {
  const ms = retryAfterMs?.trim();
  if (ms !== undefined && DELTA_SECONDS.test(ms)) return clamp(Number(ms));
  const value = retryAfter?.trim();
  if (value === undefined || value === '') return undefined;
  if (DELTA_SECONDS.test(value)) return clamp(Number(value) * 1000);
  const now = nowMs ?? Date.now();
  const date = parseHttpDate(value, now);
  return date === undefined ? undefined : clamp(date - now);
}

function clamp(ms: number): number | undefined {
  if (!Number.isFinite(ms)) return MAX_TIMER_MS;
  return Math.min(MAX_TIMER_MS, Math.max(0, Math.ceil(ms)));
}
