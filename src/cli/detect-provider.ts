import type { BuiltInProvider } from '../../adapters/index.js';

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * `--provider auto`: which built-in provider's error shape a body has, and why, from the marks
 * each shape alone carries. `undefined` when none fits (or the body is not an error), so the
 * caller names the provider rather than faultline guessing.
 */
export function detectProvider(body: unknown, headers: Record<string, string>): { provider: BuiltInProvider; why: string } | undefined {
  if (/application\/problem\+json/i.test(headers['content-type'] ?? '')) return { provider: 'problem-json', why: 'content-type is application/problem+json' };
  if (!isRecord(body)) return undefined;
  const error = body.error;
  if (body.type === 'error' && isRecord(error)) return { provider: 'anthropic', why: 'the body has type "error" and an error object' };
  if (typeof body.success === 'boolean' && (isRecord(error) || typeof body.status === 'string')) return { provider: 'genrex', why: 'the body has success and an error object or a job status' };
  if (isRecord(error) && ('type' in error || 'param' in error || ('code' in error && 'message' in error))) return { provider: 'openai', why: 'the body has an error object with type, param or code' };
  if ('error_code' in body || (typeof error === 'string' && Object.keys(body).length <= 2)) return { provider: 'gen', why: 'the body has error and error_code' };
  if (typeof body.type === 'string' && (typeof body.title === 'string' || typeof body.detail === 'string')) return { provider: 'problem-json', why: 'the body has RFC 9457 type and title or detail' };
  return undefined;
}
