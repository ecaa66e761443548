/** Default bound on `raw`, in characters of its JSON. */
export const DEFAULT_MAX_RAW_CHARS = 8192;

const TRUNCATED = '…[truncated]';

/** Cuts a string to `max` characters, marking the cut. */
export function boundText(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max) + TRUNCATED;
}

/**
 * The body as it may be kept on an ErrorResult: JSON-safe and at most about `maxChars`
 * characters of JSON. A small JSON value is kept as is (no copy on the common path);
 * anything larger, deeper or not JSON-safe becomes a truncated string of its JSON.
 */
export function boundRaw(value: unknown, maxChars: number = DEFAULT_MAX_RAW_CHARS): unknown {
  if (typeof value === 'string') return boundText(value, maxChars);
  if (value === undefined) return undefined;
  if (fitsAsJson(value, maxChars)) return value;
  try {
    const json = JSON.stringify(value);
    return json === undefined ? undefined : boundText(json, maxChars);
  } catch {
    return '[unserializable body]';
  }
}

// Walks the value with a character budget; stops as soon as it is spent, so a huge
// body costs no more than a small one.
function fitsAsJson(value: unknown, maxChars: number): boolean {
  let budget = maxChars;
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (v === null || typeof v === 'boolean') {
      budget -= 5;
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
      budget -= 12;
    } else if (typeof v === 'string') {
      budget -= v.length + 2;
    } else if (typeof v === 'object') {
      if (depth > 20) return false;
      if (Array.isArray(v)) {
        for (const item of v) {
          stack.push({ v: item, depth: depth + 1 });
          budget -= 1;
          if (budget < 0) return false;
        }
      } else {
        const proto: unknown = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) return false;
        for (const key of Object.keys(v)) {
          stack.push({ v: (v as Record<string, unknown>)[key], depth: depth + 1 });
          budget -= key.length + 4;
          if (budget < 0) return false;
        }
      }
    } else {
      return false;
    }
    if (budget < 0) return false;
  }
  return true;
}
