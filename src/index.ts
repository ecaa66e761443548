export { gen } from '../adapters/gen/index.js';
export { genrex } from '../adapters/genrex/index.js';
export {
  type Adapter,
  type AdapterDefinition,
  type BodyFacts,
  type ProviderFacts,
  defineAdapter,
} from './define-adapter.js';
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
export { type KindBehavior, describeKind } from './kind-behavior.js';
export { type HeadersInput } from './headers.js';
export { type NormalizeOptions, type ResponseInput, normalize } from './normalize.js';
export { classify } from './classify.js';
export { type FromResponseOptions, fromResponse } from './from-response.js';
export {
  type CodeRow,
  type KindRow,
  type PolicyDecision,
  type PolicyTable,
  type StatusRow,
  policyTable,
} from './policy-table.js';
export { type Policy, type PolicyOverrides, type PolicyQuery, createPolicy, defaultPolicy } from './policy.js';
export { parseRetryAfter } from './retry-after.js';
export {
  type Client,
  type ClientOptions,
  type QueryValue,
  type RequestOptions,
  type RetryOptions,
  createClient,
  DEFAULT_TIMEOUT_MS,
} from './client.js';
export { type RetryBudget, type RetryBudgetOptions, createRetryBudget } from './retry-budget.js';
export { type RetryAnswer, type RetryQuestion, type RetrySettings, type RetryStop, decideRetry } from './retry-decision.js';
export { backoffDelay } from './backoff.js';
export { type ProblemDetails, type ProblemDetailsOptions, toProblemDetails } from './problem-details.js';
