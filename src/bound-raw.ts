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

// Spends a character budget walking the value and stops as soon as it is gone, so a huge
// body costs no more than a small one. Returns the budget left, or -1 for "does not fit".
function fitsAsJson(value: unknown, maxChars: number): boolean {
  return remaining(value, maxChars, 0) >= 0;
}

function remaining(v: unknown, budget: number, depth: number): number {
  switch (typeof v) {
    case 'string':
      return budget - v.length - 2;
    case 'number':
      return Number.isFinite(v) ? budget - 12 : -1;
    case 'boolean':
      return budget - 5;
    case 'object': {
      if (v === null) return budget - 4;
      if (depth > 20) return -1;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length && budget >= 0; i++) budget = remaining(v[i], budget - 1, depth + 1);
        return budget;
      }
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return -1;
      // for-in over a plain object: no key array to allocate. An inherited enumerable key (only
      // on a polluted Object.prototype) can only make the estimate larger, never unsafe.
      for (const key in v) {
        budget = remaining((v as Record<string, unknown>)[key], budget - key.length - 4, depth + 1);
        if (budget < 0) return -1;
      }
      return budget;
    }
    default:
      return -1;
  }
}
