import type { ErrorKind } from './error-result.js';

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
  /** A failed-job body whose code no row names. */
  jobFailed: StatusRow;
  /** Codes nobody documented, by exact status, then by class; `default` for anything else. */
  statuses: Readonly<Record<string, StatusRow>>;
  /** What a kind means when no row above says more. */
  kinds: Readonly<Record<ErrorKind, KindRow>>;
}

/**
 * The one policy table. Resolution for a response: the provider's code row, else
 * `jobFailed` for a failed job body, else the status row, else the status class row,
 * else `default`; each field missing from a row comes from the row below it, ending in `kinds`.
 * Override or extend it per client with `createPolicy(overrides)`.
 */
export const policyTable: PolicyTable = {
  codes: {
    gen: {
      unauthorized: { status: 401, kind: 'authentication', retryable: false, hint: 'Send a valid GEN key in the X-API-Key header; the header is missing or the key is wrong.' },
      permission_denied: { status: 403, kind: 'permission', retryable: false, hint: 'This key has no access to the workspace or agent; check the account it belongs to.' },
      not_found: { status: 404, kind: 'not_found', retryable: false, hint: 'Nothing exists at this ID; check the ID in the request path.' },
      spreadsheet_not_found: { status: 404, kind: 'not_found', retryable: false, hint: 'Check sheet_id and agent_id: the sheet does not exist or this agent cannot see it.' },
      agent_not_found: { status: 422, kind: 'invalid_request', retryable: false, hint: 'agent_id is not one of your agents; list them with GET /v1/me and pass a valid ID.' },
      usable_gen_credit_required: { status: 422, kind: 'insufficient_credits', retryable: false, hint: 'The account has no active GEN credits; buy credits at gen.pro, then call again.' },
      insufficient_credits_for_job: { status: 422, kind: 'insufficient_credits', retryable: false, hint: 'The credit balance is too low for this generation; top it up, then resubmit.' },
      job_cannot_be_stopped: { status: 422, kind: 'conflict', retryable: false, hint: 'The generation already completed or failed; check its status before trying to stop it.' },
    },
    genrex: {
      UNAUTHENTICATED: { status: 401, kind: 'authentication', retryable: false, hint: 'No credentials were sent; add an Authorization: Bearer <key> header.' },
      INVALID_API_KEY: { status: 401, kind: 'authentication', retryable: false, hint: 'The Bearer key is wrong or no longer exists; check the key in the Authorization header.' },
      ACCOUNT_DISABLED: { status: 403, kind: 'permission', retryable: false, hint: 'The GenRex account is disabled; it must be re-enabled before any call can succeed.' },
      INSUFFICIENT_CREDITS: { status: 402, kind: 'insufficient_credits', retryable: false, hint: 'The account is out of credits; buy or top up GenRex credits, then resubmit.' },
      VALIDATION_ERROR: { status: 422, kind: 'invalid_request', retryable: false, hint: 'Request parameters failed validation; fix the fields the message names.' },
      INVALID_PARAMETER: { status: 400, kind: 'invalid_request', retryable: false, hint: 'A parameter has an invalid value; correct it before sending again.' },
      RESEARCH_ERROR: { kind: 'generation_failed', retryable: true, step: 'researching', hint: 'The job failed while researching; resubmit it as a new job.' },
      TEXT_GENERATION_ERROR: { kind: 'generation_failed', retryable: true, step: 'generating', hint: 'The job failed while generating text; resubmit it as a new job.' },
      IMAGE_GENERATION_ERROR: { kind: 'generation_failed', retryable: true, step: 'images', hint: 'The job failed while generating images; resubmit it as a new job.' },
      AUDIO_GENERATION_ERROR: { kind: 'generation_failed', retryable: true, step: 'audio', hint: 'The job failed while generating audio narration; resubmit it as a new job.' },
      CONTENT_MODERATION: { kind: 'content_policy', retryable: false, hint: 'Moderation flagged the content; change the prompt before submitting again.' },
      NOT_FOUND: { status: 404, kind: 'not_found', retryable: false, hint: 'No resource has this ID; check the ID you sent.' },
      FORBIDDEN: { status: 403, kind: 'permission', retryable: false, hint: 'This key cannot access the resource; use the key of the account that owns it.' },
      INVALID_TYPE: { status: 400, kind: 'invalid_request', retryable: false, hint: 'The ID belongs to another process type; call the status endpoint that matches it.' },
      RATE_LIMIT_EXCEEDED: { status: 429, kind: 'rate_limited', retryable: true, hint: 'Too many requests; wait for Retry-After or back off, then retry.' },
    },
  },
  jobFailed: { kind: 'generation_failed', retryable: true, hint: 'The job failed; resubmit it as a new job.' },
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
    authentication: { retryable: false, hint: 'Check that the API key is present and valid.' },
    permission: { retryable: false, hint: 'The key lacks access to this resource; retrying will not help.' },
    not_found: { retryable: false, hint: 'The resource does not exist; check the ID.' },
    invalid_request: { retryable: false, hint: 'The request is invalid; fix its parameters before sending again.' },
    insufficient_credits: { retryable: false, hint: 'Buy or top up credits, then resubmit.' },
    conflict: { retryable: false, hint: 'The request conflicts with the resource state; check the state first.' },
    rate_limited: { retryable: true, hint: 'Rate limited; wait for Retry-After or back off, then retry.' },
    server: { retryable: true, hint: 'The provider had a server error; retry with backoff.' },
    generation_failed: { retryable: true, hint: 'A pipeline step failed; resubmit the job.' },
    content_policy: { retryable: false, hint: 'Moderation flagged the content; change the input before submitting again.' },
    network: { retryable: true, hint: 'No response reached us (DNS, refused or reset connection); retry shortly.' },
    timeout: { retryable: true, hint: 'Ran out of time; retry, or raise timeoutMs or deadlineMs.' },
    aborted: { retryable: false, hint: 'The caller cancelled the request.' },
    invalid_response: { retryable: false, hint: 'The provider answered with a body that is not what was promised; check the schema or report it.' },
    unknown: { retryable: false, hint: 'Unrecognised error; check the status and message.' },
  },
};
