import * as z from 'zod/mini';
import { isRecord, lenientShape, once, preciseShape } from '../../src/classify/body-shape.js';
import { defineAdapter } from '../../src/classify/define-adapter.js';
import { readJobStatus } from '../../src/classify/job-status.js';

/** GEN's flat error body: `{ "error": "...", "error_code": "..." }`. */
const shape = { error: 'string', error_code: 'string' } as const;

/** The body when every field has its documented type (a Standard Schema). */
export const GenErrorBody = /* @__PURE__ */ preciseShape(shape);

// The same shape in zod/mini, keeping whichever fields have the right type; built on first use.
const lenientErrorBody = once(() => lenientShape(shape));
/** That lenient schema, as a zod/mini schema of its own. */
export const GenLenientErrorBody = /* @__PURE__ */ z.lazy(lenientErrorBody);

/** GEN (`https://api.gen.pro/v1`, `X-API-Key` auth). */
export const gen = /* @__PURE__ */ defineAdapter({
  name: 'gen',
  baseUrl: 'https://api.gen.pro/v1',
  auth: (apiKey) => ({ 'X-API-Key': apiKey }),
  errorBody: GenErrorBody,
  lenientErrorBody,
  facts: (body) => ({ code: body.error_code, message: body.error }),
  // A generation is a job too: the same status words as GenRex's.
  job: readJobStatus,
  recognize: (body) =>
    isRecord(body) && !('success' in body) && ('error_code' in body || (typeof body.error === 'string' && Object.keys(body).length <= 2))
      ? 'the body has error and error_code'
      : undefined,
});
