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
  if (remaining(value, maxChars, 0) >= 0) return value;
  try {
    const json = JSON.stringify(value);
    return json === undefined ? undefined : boundText(json, maxChars);
  } catch {
    return '[unserializable body]';
  }
}

// Spends a character budget walking the value and stops as soon as it is gone, so a huge
// body costs no more than a small one. The estimate may run high (array indexes count as
// keys, every slot pays for a `null`), never low. Returns the budget left; below 0 means "does not fit".
function remaining(v: unknown, budget: number, depth: number): number {
  if (typeof v === 'string') return budget - v.length - 2;
  if (typeof v === 'number') return Number.isFinite(v) ? budget - 12 : -1;
  if (typeof v === 'boolean' || v === null) return budget - 5;
  if (typeof v !== 'object' || depth > 20) return -1;
  // A hole in an array is written as `null`, and for-in skips it: charge every slot up front.
  if (Array.isArray(v)) budget -= v.length * 5;
  else if (!isPlain(v)) return -1;
  // for-in: no key array to allocate. An inherited enumerable key (only on a polluted
  // Object.prototype) can only make the estimate larger, never unsafe.
  for (const key in v) {
    budget = remaining((v as Record<string, unknown>)[key], budget - key.length - 4, depth + 1);
    if (budget < 0) break;
  }
  return budget;
}

function isPlain(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
