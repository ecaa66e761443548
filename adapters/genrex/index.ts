import { z } from 'zod';
import { defineAdapter } from '../../src/define-adapter.js';
import { lenientString } from '../lenient.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * GenRex's error body `{ success: false, error: { code, message } }` and the failed-job body
 * of its status endpoint `{ success: false, id, status: "failed", error: { step, code, message } }`.
 * A string `error` is read as the message, since proxies in front of APIs send that shape.
 */
export const GenRexErrorBody = z.object({
  success: z.boolean().optional().catch(undefined),
  id: lenientString,
  status: lenientString,
  error: z
    .union([
      z.object({ code: lenientString, message: lenientString, step: lenientString }),
      z.string().transform((message) => ({ code: undefined, message, step: undefined })),
    ])
    .optional()
    .catch(undefined),
});

/** GenRex (`https://api.genrex.io/v1`, Bearer auth, async jobs). */
export const genrex = defineAdapter({
  name: 'genrex',
  baseUrl: 'https://api.genrex.io/v1',
  auth: (apiKey) => ({ Authorization: `Bearer ${apiKey}` }),
  errorBody: GenRexErrorBody,
  facts: (body) => ({
    code: body.error?.code,
    message: body.error?.message,
    step: body.error?.step,
    jobFailed: body.status === 'failed',
  }),
  // A job's status endpoint answers 200 with `success: false` when the job failed.
  isFailure: (body) => isRecord(body) && (body.success === false || body.status === 'failed'),
});
