export { gen } from '../adapters/gen/index.js';
export { genrex } from '../adapters/genrex/index.js';
export {
  type Adapter,
  type AdapterDefinition,
  type BodyFacts,
  type ProviderFacts,
  defineAdapter,
} from './classify/define-adapter.js';
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
} from './errors/error-result.js';
export { ErrorResultSchema } from './errors/error-result-schema.js';
export { FaultlineError, toError, unwrapOrThrow } from './errors/faultline-error.js';
export { type Schema, type SchemaOutput } from './classify/standard-schema.js';
export { type KindBehavior, describeKind } from './errors/kind-behavior.js';
export { type HeadersInput } from './http/headers.js';
export { type NormalizeOptions, type ResponseInput, normalize } from './classify/normalize.js';
export { classify } from './classify/classify.js';
export { type FromResponseOptions, fromResponse } from './classify/from-response.js';
export {
  type CodeRow,
  type KindRow,
  type PolicyDecision,
  type PolicyTable,
  type StatusRow,
  policyTable,
} from './policy/policy-table.js';
export { type Policy, type PolicyOverrides, type PolicyQuery, createPolicy, defaultPolicy } from './policy/policy.js';
export { parseRetryAfter } from './http/retry-after.js';
export {
  type Client,
  type ClientOptions,
  type QueryValue,
  type RequestOptions,
  type RetryOptions,
  createClient,
  DEFAULT_TIMEOUT_MS,
} from './client/client.js';
export { type RetryBudget, type RetryBudgetOptions, createRetryBudget } from './client/retry-budget.js';
export { type RetryAnswer, type RetryQuestion, type RetrySettings, type RetryStop, decideRetry } from './client/retry-decision.js';
export { backoffDelay } from './client/backoff.js';
export { type ProblemDetails, type ProblemDetailsOptions, toProblemDetails } from './errors/problem-details.js';
