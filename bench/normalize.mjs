import { anthropic, gen, genrex, normalize, openai } from '../dist/index.js';
import { compare } from './harness.mjs';

// The same parsed bodies for both sides: every documented GEN and GenRex error.
const cases = [
  ['gen', 401, { error: 'Missing or invalid API key', error_code: 'unauthorized' }],
  ['gen', 404, { error: 'Sheet not found', error_code: 'spreadsheet_not_found' }],
  ['gen', 422, { error: 'No active GEN credits', error_code: 'usable_gen_credit_required' }],
  ['gen', 422, { error: 'Already completed', error_code: 'job_cannot_be_stopped' }],
  ['gen', 503, { error: 'Service unavailable' }],
  ['genrex', 401, { success: false, error: { code: 'INVALID_API_KEY', message: 'API key is invalid' } }],
  ['genrex', 402, { success: false, error: { code: 'INSUFFICIENT_CREDITS', message: 'Insufficient credits' } }],
  ['genrex', 429, { success: false, error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests' } }],
  ['genrex', 200, { success: false, id: 'j1', status: 'failed', error: { step: 'images', code: 'IMAGE_GENERATION_ERROR', message: 'Image generation failed' } }],
  ['genrex', 200, { success: false, id: 'j1', status: 'failed', error: { step: 'generating', code: 'CONTENT_MODERATION', message: 'Flagged' } }],
].map(([provider, status, body]) => ({ provider, status, body, headers: { 'content-type': 'application/json', 'retry-after': '2' } }));

const adapters = { gen, genrex };
const STATUS_TEXT = { 401: 'Unauthorized', 402: 'Payment Required', 404: 'Not Found', 422: 'Unprocessable Content', 429: 'Too Many Requests', 503: 'Service Unavailable' };

// What a careful hand-written handler does: read the shape, switch on the code, fall back by status.
function handWritten({ provider, status, headers, body }) {
  let code;
  let message;
  let step;
  if (body !== null && typeof body === 'object') {
    if (provider === 'gen') {
      if (typeof body.error_code === 'string') code = body.error_code;
      if (typeof body.error === 'string') message = body.error;
    } else if (body.error !== null && typeof body.error === 'object') {
      if (typeof body.error.code === 'string') code = body.error.code;
      if (typeof body.error.message === 'string') message = body.error.message;
      if (typeof body.error.step === 'string') step = body.error.step;
    }
  }
  let kind;
  let retryable = false;
  switch (code) {
    case 'unauthorized': case 'UNAUTHENTICATED': case 'INVALID_API_KEY': kind = 'authentication'; break;
    case 'permission_denied': case 'ACCOUNT_DISABLED': case 'FORBIDDEN': kind = 'permission'; break;
    case 'not_found': case 'spreadsheet_not_found': case 'NOT_FOUND': kind = 'not_found'; break;
    case 'agent_not_found': case 'VALIDATION_ERROR': case 'INVALID_PARAMETER': case 'INVALID_TYPE': kind = 'invalid_request'; break;
    case 'usable_gen_credit_required': case 'insufficient_credits_for_job': case 'INSUFFICIENT_CREDITS': kind = 'insufficient_credits'; break;
    case 'job_cannot_be_stopped': kind = 'conflict'; break;
    case 'RATE_LIMIT_EXCEEDED': kind = 'rate_limited'; retryable = true; break;
    case 'RESEARCH_ERROR': kind = 'generation_failed'; retryable = true; step ??= 'researching'; break;
    case 'TEXT_GENERATION_ERROR': kind = 'generation_failed'; retryable = true; step ??= 'generating'; break;
    case 'IMAGE_GENERATION_ERROR': kind = 'generation_failed'; retryable = true; step ??= 'images'; break;
    case 'AUDIO_GENERATION_ERROR': kind = 'generation_failed'; retryable = true; step ??= 'audio'; break;
    case 'CONTENT_MODERATION': kind = 'content_policy'; break;
    default:
      if (status === 429) { kind = 'rate_limited'; retryable = true; }
      else if (status >= 500) { kind = 'server'; retryable = true; }
      else kind = 'unknown';
  }
  const retryAfter = Number(headers['retry-after']);
  const result = { kind, provider, code: code ?? `http_${status}`, message: message ?? STATUS_TEXT[status] ?? `HTTP ${status}`, hint: '', retryable, status };
  if (step !== undefined) result.step = step;
  if (Number.isFinite(retryAfter)) result.retryAfterMs = retryAfter * 1000;
  return result;
}

// OpenAI and Anthropic bodies as those APIs send them, and a careful hand-written handler for them.
const newCases = [
  ['openai', 401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }],
  ['openai', 429, { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } }],
  ['openai', 429, { error: { message: 'Rate limit reached', type: 'requests', param: null, code: 'rate_limit_exceeded' } }],
  ['openai', 400, { error: { message: 'Too long', type: 'invalid_request_error', param: 'messages', code: 'context_length_exceeded' } }],
  ['openai', 500, { error: { message: 'The server had an error', type: 'server_error', param: null, code: null } }],
  ['anthropic', 529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' }, request_id: 'req_1' }],
  ['anthropic', 429, { type: 'error', error: { type: 'rate_limit_error', message: 'Rate limited' }, request_id: 'req_2' }],
  ['anthropic', 429, { type: 'error', error: { type: 'rate_limit_error', message: 'Spend limit', details: { error_code: 'enforced_spend_limit_reached' } }, request_id: 'req_3' }],
  ['anthropic', 402, { type: 'error', error: { type: 'billing_error', message: 'Low balance' }, request_id: 'req_4' }],
  ['anthropic', 400, { type: 'error', error: { type: 'invalid_request_error', message: 'Bad' }, request_id: 'req_5' }],
].map(([provider, status, body]) => ({ provider, status, body, headers: { 'content-type': 'application/json', 'retry-after': '2' } }));

const NEW_KINDS = {
  invalid_api_key: ['authentication', false], insufficient_quota: ['insufficient_credits', false], rate_limit_exceeded: ['rate_limited', true],
  context_length_exceeded: ['invalid_request', false], server_error: ['server', true], overloaded_error: ['server', true], rate_limit_error: ['rate_limited', true],
  enforced_spend_limit_reached: ['insufficient_credits', false], billing_error: ['insufficient_credits', false], invalid_request_error: ['invalid_request', false],
};

function handWrittenNew({ provider, status, headers, body }) {
  let code;
  let message;
  let requestId;
  const error = body !== null && typeof body === 'object' ? body.error : undefined;
  if (error !== null && typeof error === 'object') {
    if (provider === 'openai') code = typeof error.code === 'string' ? error.code : typeof error.type === 'string' ? error.type : undefined;
    else {
      const detail = error.details !== null && typeof error.details === 'object' ? error.details.error_code : undefined;
      code = typeof detail === 'string' ? detail : typeof error.type === 'string' ? error.type : undefined;
      if (typeof body.request_id === 'string') requestId = body.request_id;
    }
    if (typeof error.message === 'string') message = error.message;
  }
  const [kind, retryable] = NEW_KINDS[code] ?? (status === 429 ? ['rate_limited', true] : status >= 500 ? ['server', true] : ['unknown', false]);
  const retryAfter = Number(headers['retry-after']);
  const result = { kind, provider, code: code ?? `http_${status}`, message: message ?? `HTTP ${status}`, hint: '', retryable, status };
  if (requestId !== undefined) result.requestId = requestId;
  if (Number.isFinite(retryAfter)) result.retryAfterMs = retryAfter * 1000;
  return result;
}

let sink = 0;

// One interleaved comparison: the hand-written handler against normalize, over the same bodies.
function versusHandWritten(name, list, baseline, byName) {
  const n = list.length;
  return compare({
    name,
    iterations: 200_000,
    baseline: (iterations) => {
      for (let i = 0; i < iterations; i++) sink += baseline(list[i % n]).code.length;
    },
    candidate: (iterations) => {
      for (let i = 0; i < iterations; i++) {
        const c = list[i % n];
        sink += normalize(byName[c.provider], c).code.length;
      }
    },
  });
}

export async function benchNormalize() {
  const seeds = await versusHandWritten('normalize vs hand-written switch (per call)', cases, handWritten, adapters);
  await versusHandWritten('normalize vs hand-written, OpenAI + Anthropic', newCases, handWrittenNew, { openai, anthropic });
  return seeds;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchNormalize();
