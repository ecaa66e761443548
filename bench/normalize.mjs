import { gen, genrex, normalize } from '../dist/index.js';
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

let sink = 0;
export async function benchNormalize() {
  const n = cases.length;
  return compare({
    name: 'normalize vs hand-written switch (per call)',
    iterations: 200_000,
    baseline: (iterations) => {
      for (let i = 0; i < iterations; i++) sink += handWritten(cases[i % n]).code.length;
    },
    candidate: (iterations) => {
      for (let i = 0; i < iterations; i++) {
        const c = cases[i % n];
        sink += normalize(adapters[c.provider], c).code.length;
      }
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await benchNormalize();
