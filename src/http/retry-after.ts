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
  const ms = retryAfterMs === undefined ? undefined : longest(retryAfterMs, false, nowMs);
  if (ms !== undefined) return ms;
  return retryAfter === undefined ? undefined : longest(retryAfter, true, nowMs);
}

// IMF-fixdate and RFC 850 dates hold a comma after the weekday: a piece that is only a
// weekday belongs to the piece after it.
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}$/i;

function longest(value: string, dates: boolean, nowMs: number | undefined): number | undefined {
  if (!value.includes(',')) return readOne(value.trim(), dates, nowMs);
  let best: number | undefined;
  const pieces = value.split(',');
  for (let i = 0; i < pieces.length; i++) {
    let part = pieces[i]!.trim();
    if (dates && WEEKDAY.test(part) && i + 1 < pieces.length) part = `${part},${pieces[++i]!}`;
    const ms = readOne(part, dates, nowMs);
    if (ms !== undefined && (best === undefined || ms > best)) best = ms;
  }
  return best;
}

// `retry-after-ms` holds milliseconds; `Retry-After` seconds or an HTTP-date.
function readOne(part: string, dates: boolean, nowMs: number | undefined): number | undefined {
  if (part === '') return undefined;
  if (DELTA_SECONDS.test(part)) return clamp(dates ? Number(part) * 1000 : Number(part));
  if (!dates) return undefined;
  const now = nowMs ?? Date.now();
  const date = parseHttpDate(part, now);
  return date === undefined ? undefined : clamp(date - now);
}

function clamp(ms: number): number | undefined {
  if (!Number.isFinite(ms)) return MAX_TIMER_MS;
  return Math.min(MAX_TIMER_MS, Math.max(0, Math.ceil(ms)));
}
