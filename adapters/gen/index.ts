import * as z from 'zod/mini';
import { defineAdapter } from '../../src/classify/define-adapter.js';
import { lenientFields, once, optionalFields } from '../../src/classify/lenient.js';

const fields = { error: z.string(), error_code: z.string() };

/** GEN's flat error body: `{ "error": "...", "error_code": "..." }`. */
const errorBody = once(() => z.object(optionalFields(fields)));
export const GenErrorBody = /* @__PURE__ */ z.lazy(errorBody);

/** The same shape, keeping whichever fields have the right type. */
const lenientErrorBody = once(() => z.object(lenientFields(fields)));
export const GenLenientErrorBody = /* @__PURE__ */ z.lazy(lenientErrorBody);

/** GEN (`https://api.gen.pro/v1`, `X-API-Key` auth). */
export const gen = /* @__PURE__ */ defineAdapter({
  name: 'gen',
  baseUrl: 'https://api.gen.pro/v1',
  auth: (apiKey) => ({ 'X-API-Key': apiKey }),
  errorBody,
  lenientErrorBody,
  facts: (body) => ({ code: body.error_code, message: body.error }),
});
