/** Secrets shorter than this cannot be told apart from words, so they are not scrubbed from free text. */
export const MIN_SCRUBBED_SECRET_LENGTH = 8;

export const REDACTED = '[REDACTED]';

/** Usable secrets, longest first so a key that contains another is replaced whole. */
export function scrubbableSecrets(secrets: readonly (string | undefined)[] | undefined): string[] {
  if (secrets === undefined) return [];
  return secrets
    .filter((s): s is string => typeof s === 'string' && s.length >= MIN_SCRUBBED_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of the secrets in a string. */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/**
 * A copy of a JSON-safe value with every secret replaced in every string, keys included.
 * Returns the same value when nothing needed scrubbing, so the common path allocates nothing.
 */
export function scrubSecrets<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  return scrubValue(value, secrets, 0) as T;
}

function scrubValue(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return scrubText(value, secrets);
  if (value === null || typeof value !== 'object' || depth > 32) return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item: unknown) => {
      const next = scrubValue(item, secrets, depth + 1);
      if (next !== item) changed = true;
      return next;
    });
    return changed ? out : value;
  }
  let changed = false;
  const entries = Object.keys(value).map((key) => {
    const item = (value as Record<string, unknown>)[key];
    const nextKey = scrubText(key, secrets);
    const next = scrubValue(item, secrets, depth + 1);
    if (next !== item || nextKey !== key) changed = true;
    return [nextKey, next] as const;
  });
  // fromEntries defines own properties, so a `__proto__` key stays data, never a prototype.
  return changed ? Object.fromEntries(entries) : value;
}
