/**
 * The one error type faultline produces. Plain data: it survives `JSON.stringify`
 * and `ErrorResultSchema.parse` unchanged, so it can cross queues, logs and processes.
 */

/** Every kind, in the order DESIGN.md lists them. */
export const ERROR_KINDS = [
  'authentication',
  'permission',
  'not_found',
  'invalid_request',
  'insufficient_credits',
  'conflict',
  'rate_limited',
  'server',
  'generation_failed',
  'content_policy',
  'network',
  'timeout',
  'aborted',
  'invalid_response',
  'unknown',
] as const;

/** Pipeline steps GenRex documents; `unknown` when a failed job names none. */
export const GENREX_STEPS = ['researching', 'generating', 'images', 'audio'] as const;
export type GenRexStep = (typeof GENREX_STEPS)[number];

/**
 * Whether the server may have acted on the request:
 * `not_sent` (fetch never called or the connection never opened),
 * `rejected` (the server answered that it did not act),
 * `unknown` (anything else once the request may have reached the server).
 */
export type Outcome = 'not_sent' | 'rejected' | 'unknown';

/** What one attempt of a client call got, and how long the client slept before the next. */
export interface AttemptRecord {
  kind: ErrorKind | 'ok';
  code?: string;
  status?: number;
  outcome?: Outcome;
  retryAfterMs?: number;
  /** Milliseconds slept after this attempt, before the next one. Absent on the last. */
  delayMs?: number;
}

interface ErrorResultBase {
  /** Adapter name: `gen`, `genrex`, or one defined with `defineAdapter`. */
  provider: string;
  /** The provider's code verbatim, or a synthetic one (`http_502`, `network_error`, ...). */
  code: string;
  /** The provider's text (untrusted, bounded, secrets scrubbed) or the status's reason phrase. */
  message: string;
  /** The policy table's words for a person. Never copied from the response. */
  hint: string;
  /** The same operation may succeed if tried again later. */
  retryable: boolean;
  retryAfterMs?: number;
  requestId?: string;
  /** The response body, bounded. */
  raw?: unknown;
  outcome?: Outcome;
  attempts?: AttemptRecord[];
}

type WithStatus<K extends string> = ErrorResultBase & { kind: K; status?: number; step?: string };

export type AuthenticationError = WithStatus<'authentication'>;
export type PermissionError = WithStatus<'permission'>;
export type NotFoundError = WithStatus<'not_found'>;
export type InvalidRequestError = WithStatus<'invalid_request'>;
export type InsufficientCreditsError = WithStatus<'insufficient_credits'>;
export type ConflictError = WithStatus<'conflict'>;
export type RateLimitedError = WithStatus<'rate_limited'>;
export type ServerError = WithStatus<'server'>;
export type ContentPolicyError = WithStatus<'content_policy'>;
export type InvalidResponseError = WithStatus<'invalid_response'>;
export type UnknownError = WithStatus<'unknown'>;

/** A job's pipeline step failed. Always names the step (`unknown` when the body gave none). */
export type GenerationFailedError = ErrorResultBase & {
  kind: 'generation_failed';
  status?: number;
  step: string;
};

/** No response at all: DNS, refused, reset. */
export type NetworkError = ErrorResultBase & { kind: 'network'; status?: never; step?: string };
/** The caller's AbortSignal fired. */
export type AbortedError = ErrorResultBase & { kind: 'aborted'; status?: never; step?: string };
/** An attempt or the whole call ran out of time; `status` only when a server answered 408. */
export type TimeoutError = ErrorResultBase & { kind: 'timeout'; status?: 408; step?: string };

export type ErrorResult =
  | AuthenticationError
  | PermissionError
  | NotFoundError
  | InvalidRequestError
  | InsufficientCreditsError
  | ConflictError
  | RateLimitedError
  | ServerError
  | GenerationFailedError
  | ContentPolicyError
  | NetworkError
  | TimeoutError
  | AbortedError
  | InvalidResponseError
  | UnknownError;

export type ErrorKind = ErrorResult['kind'];

/** The member of the union for one kind. */
export type ErrorResultOfKind<K extends ErrorKind> = Extract<ErrorResult, { kind: K }>;
