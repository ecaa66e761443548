import fc from 'fast-check';

/** Runs per property: at least 10,000 in CI; FC_RUNS overrides. */
export const RUNS = Number(process.env.FC_RUNS ?? 10_000);

const LONG = ['x'.repeat(200_000), '<html>'.repeat(20_000), `{"error":"${'y'.repeat(100_000)}"}`, '💥'.repeat(50_000)];

const keys = fc.constantFrom(
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
  'error', 'error_code', 'success', 'status', 'id', 'code', 'message', 'step',
);

const html = fc.constantFrom(
  '<!DOCTYPE html><html><body>502</body></html>',
  '<html><head><title>Error</title></head></html>',
  '<h1>Service Unavailable</h1>',
  '<center>nginx</center>',
);

const scalar = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

const hostileObject = fc.dictionary(keys, fc.oneof(scalar, fc.dictionary(keys, scalar)), { maxKeys: 6 });

const genShaped = fc.record(
  { error: fc.oneof(fc.string(), scalar, hostileObject), error_code: fc.oneof(fc.string(), fc.constantFrom('unauthorized', 'not_found', 'agent_not_found', 'job_cannot_be_stopped'), scalar) },
  { requiredKeys: [] },
);

const genrexShaped = fc.record(
  {
    success: fc.oneof(fc.boolean(), scalar),
    id: fc.string(),
    status: fc.oneof(fc.constantFrom('failed', 'completed', 'images'), fc.string()),
    error: fc.oneof(
      fc.record(
        {
          code: fc.oneof(fc.constantFrom('INVALID_API_KEY', 'RESEARCH_ERROR', 'CONTENT_MODERATION', 'RATE_LIMIT_EXCEEDED', 'NEW_CODE'), fc.string(), scalar),
          message: fc.oneof(fc.string(), html, scalar),
          step: fc.oneof(fc.constantFrom('researching', 'generating', 'images', 'audio'), fc.string(), scalar),
        },
        { requiredKeys: [] },
      ),
      fc.string(),
      scalar,
    ),
  },
  { requiredKeys: [] },
);

const openaiShaped = fc.record(
  {
    error: fc.oneof(
      fc.record(
        {
          message: fc.oneof(fc.string(), html, scalar),
          type: fc.oneof(fc.constantFrom('invalid_request_error', 'insufficient_quota', 'requests', 'server_error'), fc.string(), scalar),
          param: fc.oneof(fc.string(), scalar),
          code: fc.oneof(fc.constantFrom('invalid_api_key', 'insufficient_quota', 'context_length_exceeded', 'rate_limit_exceeded'), fc.string(), scalar),
        },
        { requiredKeys: [] },
      ),
      fc.string(),
      scalar,
    ),
  },
  { requiredKeys: [] },
);

const anthropicShaped = fc.record(
  {
    type: fc.oneof(fc.constant('error'), scalar),
    error: fc.oneof(
      fc.record(
        {
          type: fc.oneof(fc.constantFrom('overloaded_error', 'billing_error', 'rate_limit_error', 'new_error'), fc.string(), scalar),
          message: fc.oneof(fc.string(), html, scalar),
          details: fc.oneof(fc.record({ error_code: fc.oneof(fc.constant('enforced_spend_limit_reached'), fc.string(), scalar) }, { requiredKeys: [] }), scalar),
        },
        { requiredKeys: [] },
      ),
      scalar,
    ),
    request_id: fc.oneof(fc.string(), scalar),
  },
  { requiredKeys: [] },
);

const problemShaped = fc.record(
  {
    type: fc.oneof(fc.constantFrom('about:blank', 'https://example.com/probs/out-of-credit', '/problems/x'), fc.string(), scalar),
    title: fc.oneof(fc.string(), scalar),
    status: fc.oneof(fc.integer(), scalar),
    detail: fc.oneof(fc.string(), html, scalar),
    instance: fc.oneof(fc.string(), scalar),
  },
  { requiredKeys: [] },
);

// Arrays with holes: JSON writes each hole as `null`, which a walk over the elements never sees.
const sparse = fc.tuple(fc.integer({ min: 1, max: 6000 }), fc.array(fc.tuple(fc.nat(), scalar), { maxLength: 4 })).map(([length, items]) => {
  const list: unknown[] = new Array(length);
  for (const [index, value] of items) list[index % length] = value;
  return { error_code: 'x', list };
});

const structured = fc.oneof(fc.jsonValue(), hostileObject, genShaped, genrexShaped, openaiShaped, anthropicShaped, problemShaped, sparse);

/** Any body the normalizers may be handed: parsed JSON, its text, garbage text, HTML, huge strings, nothing. */
export const anyBody: fc.Arbitrary<unknown> = fc.oneof(
  structured,
  structured.map((v) => JSON.stringify(v) ?? ''),
  structured.map((v) => (JSON.stringify(v) ?? '').slice(0, 7)),
  fc.string(),
  fc.string({ unit: 'binary' }),
  html,
  fc.constantFrom(...LONG),
  fc.constant(undefined),
  fc.constant(''),
);

const headerValue = fc.oneof(
  fc.string(),
  fc.nat().map(String),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom('true', 'false', 'Sun, 06 Nov 1994 08:49:37 GMT', 'Sunday, 06-Nov-94 08:49:37 GMT', 'Sun Nov  6 08:49:37 1994', 'Fri, 31 Dec 9999 23:59:59 GMT', '-1', 'NaN', '1e309', '99999999999999', ' 5 '),
);

/** Headers as a plain record with the names that matter, in any case, and junk. */
export const anyHeaders: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.oneof(fc.constantFrom('retry-after', 'Retry-After', 'RETRY-AFTER-MS', 'retry-after-ms', 'x-request-id', 'Request-Id', 'content-type', 'x-should-retry'), fc.string()),
  headerValue,
  { maxKeys: 5 },
);

export const anyStatus = fc.integer({ min: 100, max: 599 });
