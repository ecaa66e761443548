import * as z from 'zod/mini';
import { defineAdapter } from '../../src/classify/define-adapter.js';
import { lenientFields, once, optionalFields, orUndefined } from '../../src/classify/lenient.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const errorFields = { code: z.string(), message: z.string(), step: z.string() };
const bodyFields = { success: z.boolean(), id: z.string(), status: z.string() };

/**
 * GenRex's error body `{ success: false, error: { code, message } }` and the failed-job body
 * of its status endpoint `{ success: false, id, status: "failed", error: { step, code, message } }`.
 */
const errorBody = once(() =>
  z.object({
    ...optionalFields(bodyFields),
    error: z.optional(z.object(optionalFields(errorFields))),
  }),
);
export const GenRexErrorBody = /* @__PURE__ */ z.lazy(errorBody);

/**
 * The same shapes, keeping whichever fields have the right type. A string `error` is read as
 * the message, since proxies and gateways in front of APIs send that shape.
 */
const lenientErrorBody = once(() =>
  z.object({
    ...lenientFields(bodyFields),
    error: z.optional(
      z.union([
        z.object(lenientFields(errorFields)),
        z.pipe(
          z.string(),
          z.transform((message: string) => ({ code: undefined, message, step: undefined })),
        ),
        orUndefined(),
      ]),
    ),
  }),
);
export const GenRexLenientErrorBody = /* @__PURE__ */ z.lazy(lenientErrorBody);

/** GenRex (`https://api.genrex.io/v1`, Bearer auth, async jobs). */
export const genrex = /* @__PURE__ */ defineAdapter({
  name: 'genrex',
  baseUrl: 'https://api.genrex.io/v1',
  auth: (apiKey) => ({ Authorization: `Bearer ${apiKey}` }),
  errorBody,
  lenientErrorBody,
  facts: (body) => ({
    code: body.error?.code,
    message: body.error?.message,
    step: body.error?.step,
    jobFailed: body.status === 'failed',
  }),
  // A job's status endpoint answers 200 with `success: false` when the job failed.
  isFailure: (body) => isRecord(body) && (body.success === false || body.status === 'failed'),
});
