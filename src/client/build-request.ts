import { headerRecord, isHeaderValue, isMethod } from './client-options.js';

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

/** What every request of a client shares, checked once at construction. */
export interface RequestBase {
  baseUrl: string;
  /** `accept`, the client's headers and the auth headers, lower-cased. */
  headers: Record<string, string>;
  authHeaders: Record<string, string>;
  retryUnsafe: boolean;
}

export interface RequestParts {
  method?: unknown;
  query?: unknown;
  body?: unknown;
  headers?: unknown;
  signal?: unknown;
  idempotencyKey?: unknown;
  retryUnsafe?: boolean;
}

/** A request ready for fetch, and what the retry decision needs to know about it. */
export interface BuiltRequest {
  url: string;
  init: RequestInit;
  method: string;
  signal: AbortSignal | undefined;
  /** An Idempotency-Key is sent, or the caller opted in to retrying POST and PATCH. */
  unsafeAllowed: boolean;
  /** A stream body is sent once: there is nothing to send again. */
  replayable: boolean;
  /** The status of the last attempt's answer, for the hooks. */
  status?: number;
}

/** Why a request could not be built: it was never sent. */
export interface BuildFailure {
  code: string;
  message: string;
}

const SCHEME = /^[A-Za-z][A-Za-z\d+.-]*:/;
const NETWORK_PATH = /^[\\/]{2}/;

/**
 * Builds URL, headers and body, or says why it cannot: every such failure is found here,
 * before fetch, so none of them can look like a network fault or be retried. The URL is the
 * base URL with the path appended, so its origin is always the base URL's.
 */
export function buildRequest(base: RequestBase, path: unknown, req: RequestParts): BuiltRequest | BuildFailure {
  if (typeof path !== 'string') return { code: 'invalid_path', message: 'The path is not a string.' };
  // A URL here would be a request somewhere the caller did not configure: refuse, do not resolve.
  if (SCHEME.test(path) || NETWORK_PATH.test(path)) {
    return { code: 'invalid_path', message: 'The path is a URL, not a path under baseUrl.' };
  }
  const rawMethod = req.method;
  if (rawMethod !== undefined && (typeof rawMethod !== 'string' || !isMethod(rawMethod))) {
    return { code: 'invalid_method', message: `Not a method fetch can send: ${JSON.stringify(String(rawMethod).slice(0, 40))}.` };
  }
  const method = rawMethod === undefined ? 'GET' : rawMethod.toUpperCase();
  const signal = req.signal;
  if (signal !== undefined && !isSignal(signal)) return { code: 'invalid_signal', message: 'The signal is not an AbortSignal.' };

  let search = '';
  if (req.query !== undefined) {
    const built = queryString(req.query);
    if (typeof built !== 'string') return built;
    search = built;
  }
  const slashed = path === '' || path.startsWith('/') ? path : `/${path}`;
  const url = base.baseUrl + slashed + (search === '' ? '' : (slashed.includes('?') ? '&' : '?') + search);

  // The client's headers as they are when the request adds none: a GET needs no copy.
  let headers: Record<string, string>;
  if (req.headers === undefined) headers = req.idempotencyKey === undefined && req.body === undefined ? base.headers : { ...base.headers };
  else {
    const own = headerRecord(req.headers);
    if (typeof own === 'string') return { code: 'invalid_header', message: `The headers option ${own}.` };
    // The client's key always wins: a stray request header cannot swap the account.
    headers = { ...base.headers, ...own, ...base.authHeaders };
  }
  const key = req.idempotencyKey;
  if (key !== undefined) {
    if (key !== true && (typeof key !== 'string' || !isHeaderValue(key))) {
      return { code: 'invalid_idempotency_key', message: 'The idempotency key is not a string fetch can send, nor true.' };
    }
    headers['idempotency-key'] = key === true ? globalThis.crypto.randomUUID() : key;
  }
  const sentKey = headers['idempotency-key'];
  // A blank key is no key: it would make a POST look safe to retry while the server dedupes nothing.
  if (sentKey !== undefined && sentKey.trim() === '') {
    return { code: 'invalid_idempotency_key', message: 'The idempotency key is blank.' };
  }

  const init: RequestInit = { method, headers, redirect: 'manual' };
  const body = req.body;
  let replayable = true;
  if (body !== undefined) {
    if (method === 'GET' || method === 'HEAD') return { code: 'body_not_allowed', message: `A ${method} request cannot have a body.` };
    if (isSendableAsIs(body)) {
      init.body = body as BodyInit;
      if (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) {
        replayable = false;
        // fetch wants `duplex` for a stream body.
        (init as RequestInit & { duplex: 'half' }).duplex = 'half';
      }
    } else {
      let json: string | undefined;
      try {
        json = JSON.stringify(body);
      } catch (thrown) {
        const why = thrown instanceof Error ? thrown.message.slice(0, 200) : 'it cannot be encoded';
        return { code: 'invalid_body', message: `The body has no JSON form: ${why}` };
      }
      if (json === undefined) return { code: 'invalid_body', message: `The body has no JSON form: a ${typeof body}.` };
      init.body = json;
      headers['content-type'] ??= 'application/json';
    }
  }
  return {
    url,
    init,
    method,
    signal: signal as AbortSignal | undefined,
    unsafeAllowed: sentKey !== undefined || (req.retryUnsafe ?? base.retryUnsafe),
    replayable,
  };
}

// Duck-typed: a signal from another realm or polyfill works, since fetch only ever sees ours.
function isSignal(value: unknown): value is AbortSignal {
  const s = value as Partial<AbortSignal> | null;
  return s !== null && typeof s === 'object' && typeof s.aborted === 'boolean' && typeof s.addEventListener === 'function';
}

function queryString(query: unknown): string | BuildFailure {
  if (query === null || typeof query !== 'object' || Array.isArray(query)) {
    return { code: 'invalid_query', message: 'The query is not a record.' };
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (item === undefined || item === null) continue;
      const type = typeof item;
      // An object would go out as `[object Object]`: a request the caller did not mean.
      if (type !== 'string' && type !== 'number' && type !== 'boolean' && type !== 'bigint') {
        return { code: 'invalid_query', message: `The query value for ${JSON.stringify(key.slice(0, 40))} is a ${type}, not a string, number or boolean.` };
      }
      params.append(key, String(item));
    }
  }
  return params.toString();
}

// What fetch sends as it is; anything else (plain data, a Date, a class with toJSON, a number) is JSON.
function isSendableAsIs(body: unknown): boolean {
  if (typeof body === 'string') return true;
  if (typeof body !== 'object' || body === null) return false;
  return (
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    (typeof FormData !== 'undefined' && body instanceof FormData) ||
    (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
  );
}
