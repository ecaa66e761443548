import type { Outcome } from '../errors/error-result.js';

const RANK: Readonly<Record<Outcome, number>> = { not_sent: 0, rejected: 1, unknown: 2 };

/** The more uncertain of two outcomes: `unknown` > `rejected` > `not_sent`. */
export function worstOutcome(a: Outcome | undefined, b: Outcome): Outcome {
  return a === undefined || RANK[b] > RANK[a] ? b : a;
}

/**
 * Whether the server may have acted, by a failed response: any 4xx (429 included) and a 2xx
 * whose body reports failure are `rejected`; a 503 (or 529, the overload status Anthropic and
 * some gateways send) is `rejected` only when it carries a Retry-After or the provider's own
 * error code, because proxies answer a bare or HTML 503 when the upstream dropped a request it
 * may have received; any other status (500, 502, 504, 3xx,
 * ...) is `unknown`. A 2xx body that could not be read or used was acted on, and
 * `readResponse` marks it `unknown` itself.
 */
export function responseOutcome(status: number | undefined, retryAfter = false, providerCode = false): Outcome {
  if (status === undefined) return 'unknown';
  if (status >= 200 && status < 300) return 'rejected';
  if (status >= 400 && status < 500) return 'rejected';
  return (status === 503 || status === 529) && (retryAfter || providerCode) ? 'rejected' : 'unknown';
}

// Errors that happen before a connection exists: the request cannot have reached the server.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_INVALID_URL',
]);

/** The system error code (`ECONNREFUSED`, `UND_ERR_SOCKET`, ...) anywhere on a thrown value's cause chain. */
export function errorCode(thrown: unknown): string | undefined {
  let current: unknown = thrown;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      current = errors[0];
      continue;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A thrown fetch error: `not_sent` when the connection never opened, otherwise `unknown`. */
export function thrownOutcome(thrown: unknown): Outcome {
  const code = errorCode(thrown);
  return code !== undefined && NOT_SENT_CODES.has(code) ? 'not_sent' : 'unknown';
}
