import * as z from 'zod/mini';
import { ERROR_KINDS, type ErrorResult } from './error-result.js';
import { kindBehavior } from './kind-behavior.js';

/**
 * Validates a serialized ErrorResult (after `JSON.parse`), e.g. one read back from a
 * queue or a log. Unknown keys are dropped; wrong types, unknown kinds, a
 * `generation_failed` without `step` or a `network` error with a status are rejected.
 * Each kind's shape comes from `describeKind`, the same place `normalize` enforces it.
 */
export const ErrorResultSchema = /* @__PURE__ */ z.lazy(buildSchema) as unknown as z.ZodMiniType<ErrorResult>;

// Built on first use: constructing sixteen zod objects at import costs milliseconds of cold start.
function buildSchema() {
  const outcome = z.enum(['not_sent', 'rejected', 'unknown']);
  // zod 4 numbers are finite already.
  const ms = z.number().check(z.nonnegative());
  const status = z.int().check(z.gte(100), z.lte(599));

  const nonEmpty = z.string().check(z.minLength(1));

  const attempt = z.object({
    kind: z.enum([...ERROR_KINDS, 'ok']),
    code: z.optional(z.string()),
    status: z.optional(status),
    outcome: z.optional(outcome),
    retryAfterMs: z.optional(ms),
    delayMs: z.optional(ms),
  });

  const base = {
    provider: nonEmpty,
    code: nonEmpty,
    message: z.string(),
    hint: z.string(),
    retryable: z.boolean(),
    retryAfterMs: z.optional(ms),
    requestId: z.optional(z.string()),
    raw: z.optional(z.unknown()),
    outcome: z.optional(outcome),
    attempts: z.optional(z.array(attempt)),
    step: z.optional(nonEmpty),
  };

  const STATUS = { any: z.optional(status), none: z.optional(z.never()), '408': z.optional(z.literal(408)) } as const;

  return z.discriminatedUnion(
    'kind',
    ERROR_KINDS.map((kind) => {
      const shape = kindBehavior(kind);
      return z.object({
        ...base,
        kind: z.literal(kind),
        status: STATUS[shape.status],
        ...(shape.needsStep ? { step: nonEmpty } : {}),
      });
    }) as unknown as [z.ZodMiniObject, ...z.ZodMiniObject[]],
  );
}
