import { z } from 'zod';

/** A string field that reads as `undefined` when it is missing or of another type, instead of failing the body. */
export const lenientString = z.string().optional().catch(undefined);
