import * as z from 'zod/mini';
import { isRecord, lenientField, lenientShape, once, preciseShape, type Shaped } from '../../src/classify/body-shape.js';
import { defineAdapter } from '../../src/classify/define-adapter.js';

const errorShape = { type: 'string', message: 'string', details: { error_code: 'string' } } as const;
/** Anthropic's error body `{ type: "error", error: { type, message, details? }, request_id }`. */
const shape = { type: 'string', error: errorShape, request_id: 'string' } as const;

/** The body when every field has its documented type (a Standard Schema). */
export const AnthropicErrorBody = /* @__PURE__ */ preciseShape(shape);

const lenientErrorBody = once(() => {
  const error = lenientField(errorShape);
  return lenientShape(shape, { error: (value: unknown) => error(value) as Shaped<typeof errorShape> | undefined });
});
/** That lenient schema, as a zod/mini schema of its own. */
export const AnthropicLenientErrorBody = /* @__PURE__ */ z.lazy(lenientErrorBody);

/**
 * Anthropic (`https://api.anthropic.com/v1`, `x-api-key` auth plus `anthropic-version`, the
 * request id in `request-id` and the body). The code is `error.type`, or `error.details.error_code`
 * when the body has one (a 429 `enforced_spend_limit_reached` is a spend limit, not a rate limit).
 */
export const anthropic = /* @__PURE__ */ defineAdapter({
  name: 'anthropic',
  baseUrl: 'https://api.anthropic.com/v1',
  auth: (apiKey) => ({ 'x-api-key': apiKey }),
  // The API refuses requests without a version; a client or request header may name another.
  headers: { 'anthropic-version': '2023-06-01' },
  errorBody: AnthropicErrorBody,
  lenientErrorBody,
  facts: ({ error, request_id }) => ({ code: error?.details?.error_code ?? error?.type, message: error?.message, requestId: request_id }),
  recognize: (body) => (isRecord(body) && body.type === 'error' && isRecord(body.error) ? 'the body has type "error" and an error object' : undefined),
});
