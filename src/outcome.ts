import type { Outcome } from './error-result.js';

const RANK: Readonly<Record<Outcome, number>> = { not_sent: 0, rejected: 1, unknown: 2 };

/** The more uncertain of two outcomes: `unknown` > `rejected` > `not_sent`. */
export function worstOutcome(a: Outcome | undefined, b: Outcome): Outcome {
  return a === undefined || RANK[b] > RANK[a] ? b : a;
}

/**
 * Whether the server may have acted, by the status of a response that reported a failure:
 * any 4xx (429 included), a 503 and a 2xx whose body reports failure are `rejected`; any
 * other status (500, 502, 504, ...) is `unknown`. A 2xx body that could not be read or used
 * was acted on, and `readResponse` marks it `unknown` itself.
 */
export function responseOutcome(status: number): Outcome {
  if (status >= 200 && status < 300) return 'rejected';
  if (status >= 400 && status < 500) return 'rejected';
  return status === 503 ? 'rejected' : 'unknown';
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
