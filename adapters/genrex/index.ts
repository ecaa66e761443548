import * as z from 'zod/mini';
import { isRecord, lenientShape, once, preciseShape, stringOrShape } from '../../src/classify/body-shape.js';
import { defineAdapter } from '../../src/classify/define-adapter.js';
import { readJobStatus } from '../../src/classify/job-status.js';

const errorShape = { code: 'string', message: 'string', step: 'string' } as const;
/**
 * GenRex's error body `{ success: false, error: { code, message } }` and the failed-job body
 * of its status endpoint `{ success: false, id, status: "failed", error: { step, code, message } }`.
 */
const shape = { success: 'boolean', id: 'string', status: 'string', error: errorShape } as const;

/** The body when every field has its documented type (a Standard Schema). */
export const GenRexErrorBody = /* @__PURE__ */ preciseShape(shape);

// The same shapes in zod/mini, keeping whichever fields have the right type; built on first use.
// A string `error` is read as the message, since proxies and gateways in front of APIs send that shape.
const lenientErrorBody = once(() => lenientShape(shape, { error: stringOrShape(errorShape) }));
/** That lenient schema, as a zod/mini schema of its own. */
export const GenRexLenientErrorBody = /* @__PURE__ */ z.lazy(lenientErrorBody);

/** GenRex (`https://api.genrex.io/v1`, Bearer auth, async jobs). */
export const genrex = /* @__PURE__ */ defineAdapter({
  name: 'genrex',
  baseUrl: 'https://api.genrex.io/v1',
  auth: (apiKey) => ({ Authorization: `Bearer ${apiKey}` }),
  errorBody: GenRexErrorBody,
  lenientErrorBody,
  facts: ({ error, status }) =>
    typeof error === 'string'
      ? { message: error, jobFailed: status === 'failed' }
      : { code: error?.code, message: error?.message, step: error?.step, jobFailed: status === 'failed' },
  job: readJobStatus,
  // A job's status endpoint answers 200 with `success: false` when the job failed.
  isFailure: (body) => isRecord(body) && (body.success === false || body.status === 'failed'),
  recognize: (body) =>
    isRecord(body) && typeof body.success === 'boolean' && (isRecord(body.error) || typeof body.status === 'string')
      ? 'the body has success and an error object or a job status'
      : undefined,
});
