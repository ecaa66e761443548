import * as z from 'zod/mini';
import { isRecord, lenientShape, once, preciseShape, stringOrShape } from '../../src/classify/body-shape.js';
import { defineAdapter } from '../../src/classify/define-adapter.js';

const errorShape = { message: 'string', type: 'string|null', param: 'string|null', code: 'string|null' } as const;
/**
 * OpenAI's error body `{ error: { message, type, param, code } }`. OpenAI-compatible servers
 * often send `type`, `param` or `code` as null or leave them out, and some send `error` as a string.
 */
const shape = { error: errorShape } as const;

/** The body when every field has its documented type (a Standard Schema). */
export const OpenAIErrorBody = /* @__PURE__ */ preciseShape(shape);

const lenientErrorBody = once(() => lenientShape(shape, { error: stringOrShape(errorShape) }));
/** That lenient schema, as a zod/mini schema of its own. */
export const OpenAILenientErrorBody = /* @__PURE__ */ z.lazy(lenientErrorBody);

/**
 * OpenAI (`https://api.openai.com/v1`, Bearer auth, `x-request-id`), and any OpenAI-compatible
 * API through `baseUrl`. The code is `error.code` when present, else `error.type`; a body with
 * neither is classified by its status.
 */
export const openai = /* @__PURE__ */ defineAdapter({
  name: 'openai',
  baseUrl: 'https://api.openai.com/v1',
  auth: (apiKey) => ({ Authorization: `Bearer ${apiKey}` }),
  errorBody: OpenAIErrorBody,
  lenientErrorBody,
  facts: ({ error }) => (typeof error === 'string' ? { message: error } : { code: error?.code ?? error?.type ?? undefined, message: error?.message }),
  // Anthropic's body also has an error object with a type, under `type: "error"`; GenRex's has `success`.
  recognize: (body) =>
    isRecord(body) && isRecord(body.error) && body.type !== 'error' && !('success' in body) && ('type' in body.error || 'param' in body.error || ('code' in body.error && 'message' in body.error))
      ? 'the body has an error object with type, param or code'
      : undefined,
});
