/** Secrets shorter than this cannot be told apart from words, so they are not scrubbed from free text. */
export const MIN_SCRUBBED_SECRET_LENGTH = 8;

export const REDACTED = '[REDACTED]';

/** Usable secrets, longest first so a key that contains another is replaced whole. */
export function scrubbableSecrets(secrets: readonly (string | undefined)[] | undefined): string[] {
  if (secrets === undefined || secrets.length === 0) return [];
  return secrets
    .filter((s): s is string => typeof s === 'string' && s.length >= MIN_SCRUBBED_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
}

/**
 * A copy of a JSON-safe value with every secret replaced in every string, keys included.
 * Works on the JSON text, where a secret appears exactly as `JSON.stringify` escapes it;
 * returns the same value when nothing needed scrubbing.
 */
export function scrubSecrets<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return value;
  }
  if (json === undefined) return value;
  let changed = false;
  for (const secret of secrets) {
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (json.includes(escaped)) {
      json = json.split(escaped).join(REDACTED);
      changed = true;
    }
  }
  // JSON.parse defines own properties, so a `__proto__` key stays data, never a prototype.
  return changed ? (JSON.parse(json) as T) : value;
}
