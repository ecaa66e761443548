import { errorCode } from './outcome.js';

/**
 * @internal A short, safe description of a thrown value: its message, its cause's message, and
 * the system error code from anywhere on the cause chain when neither message names it.
 */
export function describeThrown(cause: unknown): string {
  try {
    if (!(cause instanceof Error)) return String(cause);
    const inner = (cause as { cause?: unknown }).cause;
    const text = [cause.message, inner instanceof Error ? inner.message : undefined].filter(Boolean).join(': ');
    const code = errorCode(cause);
    return code === undefined || text.includes(code) ? text : `${text} (${code})`;
  } catch {
    return 'unknown error';
  }
}
