/**
 * errors: what a failure is. The ErrorResult union (plain, JSON-safe data), its schema for data
 * read back from queues and logs, what each kind means (the one exhaustive match), its RFC 9457
 * view, and FaultlineError for code that throws.
 */
export {
  type AbortedError,
  type AttemptRecord,
  type AuthenticationError,
  type ConflictError,
  type ContentPolicyError,
  type ErrorKind,
  type ErrorResult,
  type ErrorResultOfKind,
  type GenerationFailedError,
  type GenRexStep,
  type InsufficientCreditsError,
  type InvalidRequestError,
  type InvalidResponseError,
  type NetworkError,
  type NotFoundError,
  type Outcome,
  type PermissionError,
  type RateLimitedError,
  type ServerError,
  type TimeoutError,
  type UnknownError,
  ERROR_KINDS,
  GENREX_STEPS,
} from './error-result.js';
export { ErrorResultSchema } from './error-result-schema.js';
export { FaultlineError, toError, unwrapOrThrow } from './faultline-error.js';
export { type KindBehavior, describeKind } from './kind-behavior.js';
export { type ProblemDetails, type ProblemDetailsOptions, toProblemDetails } from './problem-details.js';
