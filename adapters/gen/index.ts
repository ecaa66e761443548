import { z } from 'zod';
import { defineAdapter } from '../../src/define-adapter.js';
import { lenientString } from '../lenient.js';

/** GEN's flat error body: `{ "error": "...", "error_code": "..." }`. */
export const GenErrorBody = z.object({
  error: lenientString,
  error_code: lenientString,
});

/** GEN (`https://api.gen.pro/v1`, `X-API-Key` auth). */
export const gen = defineAdapter({
  name: 'gen',
  baseUrl: 'https://api.gen.pro/v1',
  auth: (apiKey) => ({ 'X-API-Key': apiKey }),
  errorBody: GenErrorBody,
  facts: (body) => ({ code: body.error_code, message: body.error }),
});
