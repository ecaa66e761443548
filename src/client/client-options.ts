import type { Adapter } from '../classify/define-adapter.js';
import { MAX_TIMER_MS } from '../http/retry-after.js';

// Construction-time checks: an option no call could succeed with fails here, at once, with a
// TypeError naming it, rather than as the same err on every request.

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Line breaks and NUL would split or end a header; fetch can only send Latin-1.
const BAD_VALUE = /[\0\r\n]|[^\u0000-\u00ff]/;

/** @internal A header name fetch accepts. */
export const isHeaderName = (name: string): boolean => TOKEN.test(name);
/** @internal A header value fetch sends as is. */
export const isHeaderValue = (value: unknown): value is string => typeof value === 'string' && !BAD_VALUE.test(value);
/** @internal An HTTP method token (RFC 9110) that fetch does not forbid. */
export const isMethod = (method: string): boolean => TOKEN.test(method) && !/^(?:connect|trace|track)$/i.test(method);

/** @internal Throws the TypeError that names a bad createClient option. */
export function refuse(option: string, why: string): never {
  throw new TypeError(`faultline: createClient option \`${option}\` ${why}`);
}

/** A duration or count: a non-negative number (Infinity allowed where it means "no limit"), or the default. */
export function checkNumber(option: string, value: unknown, fallback: number, { infinite = false } = {}): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0 || (!infinite && value === Infinity)) {
    refuse(option, `must be a number >= 0, not ${describeValue(value)}`);
  }
  return value;
}

/** A delay: as `checkNumber`, clamped to what a timer can hold so it never wraps to 1 ms. */
export function checkDelay(option: string, value: unknown, fallback: number): number {
  return Math.min(MAX_TIMER_MS, checkNumber(option, value, fallback, { infinite: true }));
}

export function checkAdapter(adapter: unknown): Adapter {
  const a = adapter as Partial<Adapter> | null | undefined;
  if (a === null || typeof a !== 'object' || typeof a.auth !== 'function' || typeof a.readError !== 'function' || typeof a.name !== 'string') {
    refuse('adapter', 'must be made with defineAdapter');
  }
  return a as Adapter;
}

/**
 * The auth headers, lower-cased. A missing or blank key is refused when the adapter sends one
 * (nothing could authenticate), and so is a key no header can carry. The key is never quoted.
 */
export function checkAuth(adapter: Adapter, apiKey: unknown): Record<string, string> {
  const probe = adapter.auth('faultline-probe');
  const sendsKey = probe !== null && typeof probe === 'object' && Object.keys(probe).length > 0;
  if (!sendsKey) return {};
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    refuse('apiKey', `is required by the ${adapter.name} adapter`);
  }
  const headers = lowerKeys(adapter.auth(apiKey));
  for (const [name, value] of Object.entries(headers)) {
    if (!isHeaderName(name)) refuse('adapter', 'makes an invalid auth header name');
    if (!isHeaderValue(value)) refuse('apiKey', 'cannot be sent in a header (line break, NUL or non-Latin-1)');
  }
  return headers;
}

/** The base URL without trailing slashes: absolute http(s), no credentials, no query or fragment. */
export function checkBaseUrl(value: unknown): string {
  const http = 'must be an absolute http(s) URL';
  if (typeof value !== 'string') refuse('baseUrl', http);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    refuse('baseUrl', http);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') refuse('baseUrl', http);
  // Named, never echoed: the URL itself holds the credentials.
  if (url.username !== '' || url.password !== '') refuse('baseUrl', 'must not hold credentials; pass apiKey');
  if (/[?#]/.test(value)) refuse('baseUrl', 'must not have a query or fragment');
  return value.replace(/\/+$/, '');
}

/** Client-wide headers, lower-cased and checked once so no request pays for it. */
export function checkHeaders(headers: unknown): Record<string, string> {
  if (headers === undefined) return {};
  const out = headerRecord(headers);
  if (typeof out === 'string') refuse('headers', out);
  return out;
}

/** @internal Headers lower-cased, or why fetch could not send them. */
export function headerRecord(headers: unknown): Record<string, string> | string {
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) return 'is not a record';
  const out = lowerKeys(headers as Record<string, string>);
  for (const name of Object.keys(out)) {
    if (!isHeaderName(name) || !isHeaderValue(out[name])) return `holds ${JSON.stringify(name.slice(0, 40))}, which fetch cannot send (line break, NUL or non-Latin-1)`;
  }
  return out;
}

export function checkFunction<F>(option: string, value: unknown): F | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'function') refuse(option, 'must be a function');
  return value as F;
}

/** @internal Header names lower-cased: the request's own header wins over a client header case-insensitively. */
export function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers !== undefined) for (const name of Object.keys(headers)) out[name.toLowerCase()] = headers[name]!;
  return out;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return String(value);
  return typeof value;
}
