import type { ErrorKind } from '../errors/error-result.js';

/** What the policy says about one error. */
export interface PolicyDecision {
  kind: ErrorKind;
  retryable: boolean;
  /** Words for a person: what to do next. Never copied from a response. */
  hint: string;
  /** The pipeline step a code stands for (GenRex generation codes); a step in the body wins. */
  step?: string;
}

/** A row for one provider code. `status` is the status the provider documents, for reference only. */
export interface CodeRow extends Partial<PolicyDecision> {
  status?: number;
}

/** A fallback row for a status (`"429"`) or a status class (`"4xx"`, `"5xx"`). */
export type StatusRow = Partial<PolicyDecision> & { kind: ErrorKind };

/** The defaults every kind starts from. */
export type KindRow = Pick<PolicyDecision, 'retryable' | 'hint'>;

export interface PolicyTable {
  /** provider -> code -> row. Codes match verbatim. */
  codes: Readonly<Record<string, Readonly<Record<string, CodeRow>>>>;
  /**
   * Codes faultline makes itself, for failures no provider answered with (a redirect it refused
   * to follow, a request it could not build, a body over its bound): code -> row, any provider.
   * A field a row leaves out comes from its kind's row.
   */
  synthetic: Readonly<Record<string, CodeRow>>;
  /** A failed-job body whose code no row names. */
  jobFailed: StatusRow;
  /** Codes nobody documented, by exact status, then by class; `default` for anything else. */
  statuses: Readonly<Record<string, StatusRow>>;
  /** What a kind means when no row above says more. */
  kinds: Readonly<Record<ErrorKind, KindRow>>;
}

/**
 * The one policy table. Resolution for a failure faultline made itself (no response, or one
 * it refused): its `synthetic` row, else its kind's row. For a response: the provider's code row, else
 * `jobFailed` for a failed job body, else the status row, else the status class row,
 * else `default`; each field missing from a row comes from the row below it, ending in `kinds`.
 * Override or extend it per client with `createPolicy(overrides)`.
 */
export const policyTable: PolicyTable = {
  codes: {
    gen: {
      unauthorized: { status: 401, kind: 'authentication', retryable: false, hint: 'Send a valid GEN key in the X-API-Key header.' },
      permission_denied: { status: 403, kind: 'permission', retryable: false, hint: 'Use a key with access to this workspace or agent.' },
      not_found: { status: 404, kind: 'not_found', retryable: false, hint: 'Check the ID in the request path.' },
      spreadsheet_not_found: { status: 404, kind: 'not_found', retryable: false, hint: 'Check sheet_id and agent_id.' },
      agent_not_found: { status: 422, kind: 'invalid_request', retryable: false, hint: 'Pass an agent_id listed by GET /v1/me.' },
      usable_gen_credit_required: { status: 422, kind: 'insufficient_credits', retryable: false, hint: 'Buy GEN credits at gen.pro.' },
      insufficient_credits_for_job: { status: 422, kind: 'insufficient_credits', retryable: false, hint: 'Top up credits, then resubmit.' },
      job_cannot_be_stopped: { status: 422, kind: 'conflict', retryable: false, hint: 'The job already ended; check its status first.' },
    },
    genrex: {
      UNAUTHENTICATED: { status: 401, kind: 'authentication', retryable: false, hint: 'Send Authorization: Bearer <key>.' },
      INVALID_API_KEY: { status: 401, kind: 'authentication', retryable: false, hint: 'Check the Bearer key: it is wrong or deleted.' },
      ACCOUNT_DISABLED: { status: 403, kind: 'permission', retryable: false, hint: 'The account is disabled; nothing works until re-enabled.' },
      INSUFFICIENT_CREDITS: { status: 402, kind: 'insufficient_credits', retryable: false, hint: 'Top up GenRex credits, then resubmit.' },
      VALIDATION_ERROR: { status: 422, kind: 'invalid_request', retryable: false, hint: 'Fix the parameters the message names.' },
      INVALID_PARAMETER: { status: 400, kind: 'invalid_request', retryable: false, hint: 'Fix the parameter value.' },
      RESEARCH_ERROR: { kind: 'generation_failed', retryable: true, step: 'researching', hint: 'Research failed; resubmit the job.' },
      TEXT_GENERATION_ERROR: { kind: 'generation_failed', retryable: true, step: 'generating', hint: 'Text generation failed; resubmit the job.' },
      IMAGE_GENERATION_ERROR: { kind: 'generation_failed', retryable: true, step: 'images', hint: 'Image generation failed; resubmit the job.' },
      AUDIO_GENERATION_ERROR: { kind: 'generation_failed', retryable: true, step: 'audio', hint: 'Audio narration failed; resubmit the job.' },
      CONTENT_MODERATION: { kind: 'content_policy', retryable: false, hint: 'Change the prompt, then resubmit.' },
      NOT_FOUND: { status: 404, kind: 'not_found', retryable: false, hint: 'Check the ID.' },
      FORBIDDEN: { status: 403, kind: 'permission', retryable: false, hint: "Use the owning account's key." },
      INVALID_TYPE: { status: 400, kind: 'invalid_request', retryable: false, hint: "Use the status endpoint of the ID's type." },
      RATE_LIMIT_EXCEEDED: { status: 429, kind: 'rate_limited', retryable: true, hint: 'Wait for Retry-After, then retry.' },
    },
    // OpenAI and compatible servers: `error.code` when present, else `error.type`.
    openai: {
      invalid_api_key: { status: 401, kind: 'authentication', retryable: false, hint: 'Send a valid key as Authorization: Bearer <key>.' },
      // A type, not a code: OpenAI sends it with 400, 401, 404 and more, so the status decides the kind.
      invalid_request_error: { hint: 'Fix the request: the message and param name what is wrong.' },
      unsupported_country_region_territory: { status: 403, kind: 'permission', retryable: false, hint: 'The API is not served in this region.' },
      model_not_found: { status: 404, kind: 'not_found', retryable: false, hint: 'Check the model name and that the key may use it.' },
      context_length_exceeded: { status: 400, kind: 'invalid_request', retryable: false, hint: 'The input is too long for the model: shorten it.' },
      content_policy_violation: { status: 400, kind: 'content_policy', retryable: false, hint: 'The input was flagged: change the prompt.' },
      content_filter: { status: 400, kind: 'content_policy', retryable: false, hint: 'The input or output was flagged: change the prompt.' },
      rate_limit_exceeded: { status: 429, kind: 'rate_limited', retryable: true, hint: 'Wait for retry-after-ms or Retry-After, then retry.' },
      requests: { status: 429, kind: 'rate_limited', retryable: true, hint: 'Requests per minute reached: wait for Retry-After.' },
      tokens: { status: 429, kind: 'rate_limited', retryable: true, hint: 'Tokens per minute reached: wait, or send fewer tokens.' },
      // The official SDK retries this 429; waiting does not refill a quota.
      insufficient_quota: { status: 429, kind: 'insufficient_credits', retryable: false, hint: 'The quota is used up: add billing or credit, then resubmit.' },
      server_error: { kind: 'server', retryable: true, hint: "OpenAI's own error or overload (500, 503): retry with backoff." },
    },
    // Anthropic: `error.type`, or `error.details.error_code` when present.
    anthropic: {
      invalid_request_error: { status: 400, kind: 'invalid_request', retryable: false, hint: 'Fix the request: the message names the problem.' },
      authentication_error: { status: 401, kind: 'authentication', retryable: false, hint: 'Send a valid key in the x-api-key header.' },
      billing_error: { status: 402, kind: 'insufficient_credits', retryable: false, hint: 'Fix billing or buy credits in the Console, then resubmit.' },
      permission_error: { status: 403, kind: 'permission', retryable: false, hint: 'Use a key that may use this resource or model.' },
      not_found_error: { status: 404, kind: 'not_found', retryable: false, hint: 'Check the model name or resource ID.' },
      request_too_large: { status: 413, kind: 'invalid_request', retryable: false, hint: 'The request is over the size limit (32 MB for Messages): send less.' },
      rate_limit_error: { status: 429, kind: 'rate_limited', retryable: true, hint: 'Wait for retry-after, then retry; ramp up more slowly.' },
      enforced_spend_limit_reached: { status: 429, kind: 'insufficient_credits', retryable: false, hint: 'The spend limit is reached: raise it in the Console; waiting does not help.' },
      api_error: { status: 500, kind: 'server', retryable: true, hint: "Anthropic's internal error: retry with backoff." },
      timeout_error: { status: 504, kind: 'server', retryable: true, hint: 'The request took too long: retry, or ask for less per request.' },
      overloaded_error: { status: 529, kind: 'server', retryable: true, hint: "Anthropic is overloaded for everyone, not your limit: it clears with backoff." },
    },
  },
  synthetic: {
    redirect: { kind: 'invalid_request', hint: 'Point baseUrl at the final address; redirects are not followed.' },
    invalid_path: { kind: 'invalid_request', hint: 'Pass a path under baseUrl, not a URL.' },
    invalid_url: { kind: 'invalid_request', hint: 'Fix the URL: baseUrl plus path must be http(s).' },
    invalid_method: { kind: 'invalid_request', hint: 'Use an HTTP method name such as GET or POST.' },
    invalid_header: { kind: 'invalid_request', hint: 'Remove line breaks and non-Latin-1 text from headers.' },
    invalid_query: { kind: 'invalid_request', hint: 'Pass query values as strings, numbers or booleans.' },
    invalid_body: { kind: 'invalid_request', hint: 'Pass a body JSON can encode (no BigInt, no cycles).' },
    body_not_allowed: { kind: 'invalid_request', hint: 'Send the body with POST, PUT or PATCH.' },
    invalid_signal: { kind: 'invalid_request', hint: 'Pass an AbortSignal as signal.' },
    invalid_idempotency_key: { kind: 'invalid_request', hint: 'Pass a non-empty idempotency key, or none.' },
    job_deadline_exceeded: { kind: 'timeout', hint: 'Wait again later: the job may still finish; it was not resubmitted.' },
    body_too_large: { kind: 'invalid_response', hint: 'Raise maxBodyBytes, or ask for less per request.' },
    circuit_open: { kind: 'server', retryable: true, hint: 'The provider keeps failing; not sent. Retry after retryAfterMs.' },
    rate_limit_pause: { kind: 'rate_limited', retryable: true, hint: 'The account is rate limited; not sent. Retry after retryAfterMs.' },
  },
  jobFailed: { kind: 'generation_failed', retryable: true, hint: 'Resubmit the job.' },
  statuses: {
    '400': { kind: 'invalid_request' },
    '401': { kind: 'authentication' },
    '402': { kind: 'insufficient_credits' },
    '403': { kind: 'permission' },
    '404': { kind: 'not_found' },
    '408': { kind: 'timeout' },
    '409': { kind: 'conflict' },
    '410': { kind: 'not_found' },
    '413': { kind: 'invalid_request' },
    '422': { kind: 'invalid_request' },
    '429': { kind: 'rate_limited' },
    '4xx': { kind: 'unknown', retryable: false },
    '5xx': { kind: 'server' },
    default: { kind: 'unknown', retryable: false },
  },
  kinds: {
    authentication: { retryable: false, hint: 'Check the API key.' },
    permission: { retryable: false, hint: 'Use a key with access.' },
    not_found: { retryable: false, hint: 'Check the ID.' },
    invalid_request: { retryable: false, hint: 'Fix the request.' },
    insufficient_credits: { retryable: false, hint: 'Top up credits, then resubmit.' },
    conflict: { retryable: false, hint: "Check the resource's state first." },
    rate_limited: { retryable: true, hint: 'Wait for Retry-After, then retry.' },
    server: { retryable: true, hint: 'Retry with backoff.' },
    generation_failed: { retryable: true, hint: 'Resubmit the job.' },
    content_policy: { retryable: false, hint: 'Change the input, then resubmit.' },
    network: { retryable: true, hint: 'No response; retry shortly.' },
    timeout: { retryable: true, hint: 'Retry, or raise timeoutMs or deadlineMs.' },
    aborted: { retryable: false, hint: 'The caller cancelled it.' },
    invalid_response: { retryable: false, hint: 'Check your schema.' },
    unknown: { retryable: false, hint: 'Check the status and message.' },
  },
};
