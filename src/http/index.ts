/**
 * http: wire helpers with no opinions: header reading, Retry-After and HTTP dates, bounded body
 * reads, reason phrases, and whether a response or a thrown fetch error means the server may
 * have acted.
 */
export { type HeadersInput } from './headers.js';
export { parseRetryAfter } from './retry-after.js';
