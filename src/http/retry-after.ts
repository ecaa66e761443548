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

/**
 * @internal `parseRetryAfter` on header values already read. A header sent several times
 * arrives joined by `, `; the longest wait wins, since retrying earlier than any of them asked
 * would be early for that one.
 */
export function retryAfterFromValues(
  retryAfterMs: string | undefined,
  retryAfter: string | undefined,
  nowMs?: number,
): number | undefined {
  const ms = longest(retryAfterMs, (part) => (DELTA_SECONDS.test(part) ? clamp(Number(part)) : undefined));
  if (ms !== undefined) return ms;
  let now = nowMs;
  return longest(retryAfter, (part) => {
    if (DELTA_SECONDS.test(part)) return clamp(Number(part) * 1000);
    now ??= Date.now();
    const date = parseHttpDate(part, now);
    return date === undefined ? undefined : clamp(date - now);
  });
}

// IMF-fixdate and RFC 850 dates hold a comma after the weekday: a piece that is only a
// weekday belongs to the piece after it.
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}$/i;

function longest(value: string | undefined, read: (part: string) => number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!value.includes(',')) {
    const part = value.trim();
    return part === '' ? undefined : read(part);
  }
  let best: number | undefined;
  const pieces = value.split(',');
  for (let i = 0; i < pieces.length; i++) {
    let part = pieces[i]!.trim();
    if (WEEKDAY.test(part) && i + 1 < pieces.length) part = `${part},${pieces[++i]!}`;
    const ms = part === '' ? undefined : read(part);
    if (ms !== undefined && (best === undefined || ms > best)) best = ms;
  }
  return best;
}

function clamp(ms: number): number | undefined {
  if (!Number.isFinite(ms)) return MAX_TIMER_MS;
  return Math.min(MAX_TIMER_MS, Math.max(0, Math.ceil(ms)));
}
