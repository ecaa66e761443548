import type { ErrorKind, ErrorResult } from './error-result.js';
import { reasonPhrase } from '../http/reason-phrase.js';

/** An RFC 9457 problem details object, with faultline's fields as extension members. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  kind: ErrorResult['kind'];
  code: string;
  provider: string;
  retryable: boolean;
  step?: string;
  retryAfterMs?: number;
  requestId?: string;
  outcome?: ErrorResult['outcome'];
  /** The provider's message, only with `includeMessage`. */
  providerMessage?: string;
  /** The provider's body, only with `includeRaw`. */
  raw?: unknown;
}

export interface ProblemDetailsOptions {
  /**
   * A URI prefix for `type`: `https://errors.example.com/` gives `https://errors.example.com/rate_limited`.
   * Without it `type` is `about:blank` and `title` is the status's reason phrase, as RFC 9457 asks.
   */
  typeBase?: string;
  /** Identifies this occurrence (e.g. your request's path or id). */
  instance?: string;
  /** The status your service answers with; defaults by kind (e.g. 502 for a provider's 5xx or auth failure, 429 for rate limits). */
  status?: number | ((error: ErrorResult) => number);
  /** Add the provider's message (untrusted text; API keys already scrubbed by the client). Default false. */
  includeMessage?: boolean;
  /** Add the provider's bounded body. Default false. */
  includeRaw?: boolean;
}

// Per kind: the status a service answers with when it re-emits the failure, and a stable title.
// A provider's auth failure or 5xx is the provider's fault, not the caller's: 502.
const PROBLEMS: Readonly<Record<ErrorKind, readonly [number, string]>> = {
  authentication: [502, 'Upstream authentication failed'],
  permission: [502, 'Upstream permission denied'],
  not_found: [404, 'Not found'],
  invalid_request: [400, 'Invalid request'],
  insufficient_credits: [402, 'Insufficient credits'],
  conflict: [409, 'Conflict'],
  rate_limited: [429, 'Rate limited'],
  server: [502, 'Upstream server error'],
  generation_failed: [502, 'Generation failed'],
  content_policy: [422, 'Content flagged by moderation'],
  network: [502, 'Upstream unreachable'],
  timeout: [504, 'Upstream timed out'],
  aborted: [499, 'Request cancelled'],
  invalid_response: [502, 'Invalid upstream response'],
  unknown: [502, 'Upstream error'],
};

/**
 * The ErrorResult as an RFC 9457 `application/problem+json` body, for a service that re-emits a
 * provider's failure from its own API. `detail` is the policy's hint, never the provider's text,
 * so nothing the provider said leaks unless asked for.
 */
export function toProblemDetails(error: ErrorResult, options: ProblemDetailsOptions = {}): ProblemDetails {
  // Own keys only: a deserialized `kind` of `constructor` must not find Object's.
  const [kindStatus, kindTitle] = Object.hasOwn(PROBLEMS, error.kind) ? PROBLEMS[error.kind] : PROBLEMS.unknown;
  const status = typeof options.status === 'function' ? options.status(error) : (options.status ?? kindStatus);
  const problem: ProblemDetails = {
    type: options.typeBase === undefined ? 'about:blank' : `${options.typeBase}${error.kind}`,
    title: options.typeBase === undefined ? reasonPhrase(status) : kindTitle,
    status,
    detail: error.hint,
    kind: error.kind,
    code: error.code,
    provider: error.provider,
    retryable: error.retryable,
  };
  if (options.instance !== undefined) problem.instance = options.instance;
  if (error.step !== undefined) problem.step = error.step;
  if (error.retryAfterMs !== undefined) problem.retryAfterMs = error.retryAfterMs;
  if (error.requestId !== undefined) problem.requestId = error.requestId;
  if (error.outcome !== undefined) problem.outcome = error.outcome;
  if (options.includeMessage === true) problem.providerMessage = error.message;
  if (options.includeRaw === true && error.raw !== undefined) problem.raw = error.raw;
  return problem;
}
