import { z } from 'zod';
import { ERROR_KINDS, type ErrorResult } from './error-result.js';

const outcome = z.enum(['not_sent', 'rejected', 'unknown']);
const ms = z.number().finite().nonnegative();
const status = z.number().int().min(100).max(599);

const attempt = z.object({
  kind: z.enum([...ERROR_KINDS, 'ok']),
  code: z.string().optional(),
  status: status.optional(),
  outcome: outcome.optional(),
  retryAfterMs: ms.optional(),
  delayMs: ms.optional(),
});

const base = {
  provider: z.string().min(1),
  code: z.string().min(1),
  message: z.string(),
  hint: z.string(),
  retryable: z.boolean(),
  retryAfterMs: ms.optional(),
  requestId: z.string().optional(),
  raw: z.unknown().optional(),
  outcome: outcome.optional(),
  attempts: z.array(attempt).optional(),
  step: z.string().min(1).optional(),
};

const withStatus = <K extends string>(kind: K) =>
  z.object({ ...base, kind: z.literal(kind), status: status.optional() });

/**
 * Validates a serialized ErrorResult (after `JSON.parse`), e.g. one read back from a
 * queue or a log. Unknown keys are dropped; wrong types, unknown kinds, a
 * `generation_failed` without `step` or a `network` error with a status are rejected.
 */
export const ErrorResultSchema: z.ZodType<ErrorResult> = z.discriminatedUnion('kind', [
  withStatus('authentication'),
  withStatus('permission'),
  withStatus('not_found'),
  withStatus('invalid_request'),
  withStatus('insufficient_credits'),
  withStatus('conflict'),
  withStatus('rate_limited'),
  withStatus('server'),
  z.object({ ...base, kind: z.literal('generation_failed'), status: status.optional(), step: z.string().min(1) }),
  withStatus('content_policy'),
  z.object({ ...base, kind: z.literal('network'), status: z.never().optional() }),
  z.object({ ...base, kind: z.literal('timeout'), status: z.literal(408).optional() }),
  z.object({ ...base, kind: z.literal('aborted'), status: z.never().optional() }),
  withStatus('invalid_response'),
  withStatus('unknown'),
]);
