import { z } from 'zod';
import { ERROR_KINDS, type ErrorResult } from './error-result.js';
import { kindBehavior } from './kind-behavior.js';

/**
 * Validates a serialized ErrorResult (after `JSON.parse`), e.g. one read back from a
 * queue or a log. Unknown keys are dropped; wrong types, unknown kinds, a
 * `generation_failed` without `step` or a `network` error with a status are rejected.
 * Each kind's shape comes from `describeKind`, the same place `normalize` enforces it.
 */
export const ErrorResultSchema = /* @__PURE__ */ z.lazy(buildSchema) as unknown as z.ZodType<ErrorResult>;

// Built on first use: constructing sixteen zod objects at import costs milliseconds of cold start.
function buildSchema() {
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

  const STATUS = { any: status.optional(), none: z.never().optional(), '408': z.literal(408).optional() } as const;

  return z.discriminatedUnion(
    'kind',
    ERROR_KINDS.map((kind) => {
      const shape = kindBehavior(kind);
      return z.object({
        ...base,
        kind: z.literal(kind),
        status: STATUS[shape.status],
        ...(shape.needsStep ? { step: z.string().min(1) } : {}),
      });
    }) as unknown as [z.ZodObject, ...z.ZodObject[]],
  );
}
