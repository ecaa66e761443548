import type { Adapter, BodyFacts } from './define-adapter.js';
import type { ErrorKind, ErrorResult, Outcome } from '../errors/error-result.js';
import { type HeadersInput, readHeaders } from '../http/headers.js';
import { boundRaw, boundText, DEFAULT_MAX_RAW_CHARS } from './bound-raw.js';
import { kindBehavior } from '../errors/kind-behavior.js';
import { parseBody } from './parse-body.js';
import { defaultPolicy, type Policy, type PolicyQuery } from '../policy/policy.js';
import { reasonPhrase } from '../http/reason-phrase.js';
import { retryAfterFromValues } from '../http/retry-after.js';
import { scrubValue, secretScrubber, stripUrlCredentials } from './scrub-secrets.js';
import { usableText } from './usable-text.js';
import { responseOutcome } from '../http/outcome.js';
import { noteVerdict, serverVerdict } from './server-verdict.js';

/** A raw response as the normalizers take it. */
export interface ResponseInput {
  status: number;
  headers?: HeadersInput;
  /** Parsed JSON, the raw text (JSON or not), or `undefined` for no body. */
  body?: unknown;
}

export interface NormalizeOptions {
  /** A policy from `createPolicy(...)`; defaults to the shared table. */
  policy?: Policy;
  /** Strings to scrub from every field (API keys). Shorter than 8 characters: not scrubbed. */
  secrets?: readonly string[];
  /** Bound on `raw`, in characters of JSON. Default 8192; 0 leaves `raw` out. */
  maxRawChars?: number;
  /** Clock for HTTP-date Retry-After values. */
  now?: number;
}

const MAX_CODE_CHARS = 200;

/**
 * Turns a failed response into an ErrorResult. Pure and synchronous; never throws,
 * whatever the body (HTML, empty, truncated JSON, arrays, numbers, hostile keys, huge strings).
 */
export function normalize(adapter: Adapter, input: ResponseInput, options: NormalizeOptions = {}): ErrorResult {
  try {
    return normalizeParsed(adapter, statusOf(input), input.headers, parseBody(input.body), options);
  } catch {
    // A hostile body or headers object (throwing getters, proxies): decide on the status alone.
    try {
      return normalizeParsed(adapter, statusOf(input), undefined, undefined, options);
    } catch {
      // Only a hostile adapter gets here.
      return { kind: 'unknown', provider: 'unknown', code: 'unknown_error', message: 'Request failed', hint: '', retryable: false };
    }
  }
}

/** @internal `normalize` for a body already run through `parseBody`. */
export function normalizeParsed(
  adapter: Adapter,
  status: number | undefined,
  headers: HeadersInput | undefined,
  body: unknown,
  options: NormalizeOptions,
  // The client's view: whether the server may have acted, which needs the body's facts.
  withOutcome = false,
  // A status body a caller's own job reader called failed, whatever the adapter reads in it.
  jobFailed = false,
): ErrorResult {
  const facts: BodyFacts = adapter.readError(body) ?? {};
  if (jobFailed) facts.jobFailed = true;
  const bodyCode = cleanCode(facts.code);
  const code = bodyCode ?? (facts.jobFailed === true ? 'job_failed' : status === undefined ? 'unknown_error' : `http_${status}`);
  const values = readHeaders(headers, adapter.headerNames);
  let requestId: string | undefined;
  for (let i = 3; i < values.length && requestId === undefined; i++) requestId = cleanCode(values[i]);
  const retryAfterMs = retryAfterFromValues(values[0], values[1], options.now);
  const shouldRetry = serverVerdict(values[2]);
  const result = build(adapter, { provider: adapter.name, code, status, jobFailed: facts.jobFailed }, options, {
    message: usableText(facts.message) ?? (typeof body === 'string' ? usableText(body) : undefined) ?? reasonPhrase(status),
    status,
    step: cleanCode(facts.step),
    retryAfterMs,
    requestId: requestId ?? cleanCode(facts.requestId),
    raw: body === '' ? undefined : body,
    // A server that says "retry" vouches that it did not act on the request.
    outcome: withOutcome ? (shouldRetry === true ? 'rejected' : responseOutcome(status, retryAfterMs !== undefined, bodyCode !== undefined)) : undefined,
    shouldRetry,
  });
  noteVerdict(result, shouldRetry);
  return result;
}


/**
 * @internal An ErrorResult for a failure that has no provider response to read
 * (network, timeout, aborted, invalid_response), still resolved through the policy table.
 */
export function syntheticError(
  adapter: Adapter,
  kind: ErrorKind,
  code: string,
  message: string,
  extra: { status?: number; outcome?: Outcome; raw?: unknown; step?: string; retryAfterMs?: number } = {},
  options: NormalizeOptions = {},
): ErrorResult {
  // Thrown errors name URLs (undici's do): their credentials never reach a message.
  return build(adapter, { provider: adapter.name, code, kind }, options, { message: boundText(stripUrlCredentials(message), 1000), ...extra });
}

// The one place an ErrorResult is assembled: the policy's decision, the fields that are set,
// and the per-kind shape the type promises, whatever a custom policy row said.
function build(
  adapter: Adapter,
  query: PolicyQuery,
  options: NormalizeOptions,
  fields: { message: string; status?: number; step?: string; retryAfterMs?: number; requestId?: string; outcome?: Outcome; raw?: unknown; shouldRetry?: boolean },
): ErrorResult {
  // Decided on the unscrubbed code, so scrubbing never changes the kind; every string is
  // scrubbed as it is finally stored, after its bound, of any 8-character run of a secret.
  const decision = (options.policy ?? defaultPolicy).resolve(query);
  const scrub = secretScrubber(options.secrets);
  const result: Record<string, unknown> = {
    kind: decision.kind,
    provider: adapter.name,
    code: scrub(query.code ?? 'unknown_error'),
    message: scrub(fields.message),
    hint: scrub(decision.hint),
    // The server's own x-should-retry overrides the table.
    retryable: fields.shouldRetry ?? decision.retryable,
  };
  const shape = kindBehavior(decision.kind);
  fields.step ??= decision.step ?? (shape.needsStep ? 'unknown' : undefined);
  if (shape.status === 'none' || (shape.status === '408' && fields.status !== 408)) fields.status = undefined;
  const maxRaw = options.maxRawChars ?? DEFAULT_MAX_RAW_CHARS;
  fields.raw = maxRaw > 0 ? scrubValue(boundRaw(fields.raw, maxRaw), scrub) : undefined;
  // Spelled out rather than looped: keyed stores with a variable key are several times slower here.
  if (fields.status !== undefined) result.status = fields.status;
  if (fields.step !== undefined) result.step = scrub(fields.step);
  if (fields.retryAfterMs !== undefined) result.retryAfterMs = fields.retryAfterMs;
  if (fields.requestId !== undefined) result.requestId = scrub(fields.requestId);
  if (fields.outcome !== undefined) result.outcome = fields.outcome;
  if (fields.raw !== undefined) result.raw = fields.raw;
  return result as unknown as ErrorResult;
}

/** @internal A status the normalizers trust: an integer from 100 to 599. */
export function statusOf(input: ResponseInput): number | undefined {
  const status = (input as { status?: unknown } | null | undefined)?.status;
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined;
}

function cleanCode(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : boundText(trimmed, MAX_CODE_CHARS);
}
