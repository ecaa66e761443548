import * as z from 'zod/mini';
import { isRecord, lenientShape, once, preciseShape, type Shaped } from '../../src/classify/body-shape.js';
import { type BodyFacts, defineAdapter } from '../../src/classify/define-adapter.js';

/** RFC 9457 problem details (`application/problem+json`); `status` is read from the response itself. */
const shape = { type: 'string', title: 'string', detail: 'string', instance: 'string' } as const;

/** A problem details body whose members have their RFC 9457 types (a Standard Schema). */
export const ProblemJsonBody = /* @__PURE__ */ preciseShape(shape);

const lenientErrorBody = once(() => lenientShape(shape));
/** That lenient schema, as a zod/mini schema of its own. */
export const ProblemJsonLenientErrorBody = /* @__PURE__ */ z.lazy(lenientErrorBody);

/**
 * A problem's facts: `type` is the code (`about:blank`, the RFC's default, means "no more than
 * the status": the status decides), `detail` the message, else `title`. Reuse it with
 * `ProblemJsonBody` to make a problem+json provider of your own (another auth header, rows).
 */
export function problemJsonFacts(body: Shaped<typeof shape>): BodyFacts {
  const type = body.type?.trim();
  return { code: type === 'about:blank' ? undefined : type, message: body.detail ?? body.title };
}

/**
 * Any API that answers RFC 9457 `application/problem+json` errors, with Bearer auth. It has no
 * default base URL: a client needs `baseUrl`. Its codes are the problem `type` URIs; add rows for
 * yours with `createPolicy({ codes: { 'problem-json': { '<type>': { kind, retryable, hint } } } })`.
 */
export const problemJson = /* @__PURE__ */ defineAdapter({
  name: 'problem-json',
  auth: (apiKey) => ({ Authorization: `Bearer ${apiKey}` }),
  headers: { accept: 'application/json, application/problem+json' },
  errorBody: ProblemJsonBody,
  lenientErrorBody,
  facts: problemJsonFacts,
  recognize: (body, headers) => {
    if (/application\/problem\+json/i.test(headers['content-type'] ?? '')) return 'content-type is application/problem+json';
    return isRecord(body) && !('error' in body) && typeof body.type === 'string' && (typeof body.title === 'string' || typeof body.detail === 'string')
      ? 'the body has RFC 9457 type and title or detail'
      : undefined;
  },
});
