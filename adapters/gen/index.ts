import { z } from 'zod';
import { defineAdapter } from '../../src/define-adapter.js';
import { lenientFields, optionalFields } from '../lenient.js';

const fields = { error: z.string(), error_code: z.string() };

/** GEN's flat error body: `{ "error": "...", "error_code": "..." }`. */
export const GenErrorBody = z.object(optionalFields(fields));

/** The same shape, keeping whichever fields have the right type. */
export const GenLenientErrorBody = z.object(lenientFields(fields));

/** GEN (`https://api.gen.pro/v1`, `X-API-Key` auth). */
export const gen = defineAdapter({
  name: 'gen',
  baseUrl: 'https://api.gen.pro/v1',
  auth: (apiKey) => ({ 'X-API-Key': apiKey }),
  errorBody: GenErrorBody,
  lenientErrorBody: GenLenientErrorBody,
  facts: (body) => ({ code: body.error_code, message: body.error }),
});
