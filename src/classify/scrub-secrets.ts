/** Secrets shorter than this cannot be told apart from words, so they are not scrubbed from free text. */
export const MIN_SCRUBBED_SECRET_LENGTH = 8;

export const REDACTED = '[REDACTED]';

/** Replaces every run of 8 or more characters of a secret in a string; the identity when there are no secrets. */
export type Scrub = (text: string) => string;

const identity: Scrub = (text) => text;

/** Usable secrets, longest first so a key that contains another is replaced whole. */
export function scrubbableSecrets(secrets: readonly (string | undefined)[] | undefined): string[] {
  if (secrets === undefined || secrets.length === 0) return [];
  return secrets
    .filter((s): s is string => typeof s === 'string' && s.length >= MIN_SCRUBBED_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
}

const cache = new WeakMap<readonly string[], Scrub>();

/**
 * A scrubber for these secrets. It removes not just the whole key but any 8-character run of
 * it, so a key a provider echoed in part, or that a length bound cut, leaves nothing usable.
 * Scrubbing runs on values before any bound is applied, never on JSON text that is parsed again.
 */
export function secretScrubber(secrets: readonly string[] | undefined): Scrub {
  if (secrets === undefined || secrets.length === 0) return identity;
  let scrub = cache.get(secrets);
  if (scrub === undefined) {
    scrub = buildScrubber(scrubbableSecrets(secrets));
    cache.set(secrets, scrub);
  }
  return scrub;
}

function buildScrubber(secrets: readonly string[]): Scrub {
  const grams = new Set<string>();
  const n = MIN_SCRUBBED_SECRET_LENGTH;
  for (const secret of secrets) {
    // The key as JSON writes it too, for text that is a body's JSON (a bounded `raw`).
    const escaped = JSON.stringify(secret).slice(1, -1);
    for (const form of escaped === secret ? [secret] : [secret, escaped]) {
      for (let i = 0; i + n <= form.length; i++) grams.add(form.slice(i, i + n));
    }
  }
  if (grams.size === 0) return identity;
  const list = [...grams];
  return (text) => {
    if (typeof text !== 'string' || text.length < n) return text;
    let marks: number[] | undefined;
    // indexOf per gram: native string search, so text without the key (the usual case) costs one scan a gram.
    for (const gram of list) {
      for (let at = text.indexOf(gram); at >= 0; at = text.indexOf(gram, at + 1)) (marks ??= []).push(at);
    }
    if (marks === undefined) return text;
    marks.sort((a, b) => a - b);
    let out = '';
    let from = 0;
    for (let i = 0; i < marks.length; ) {
      const start = marks[i]!;
      let end = start + n;
      for (i++; i < marks.length && marks[i]! <= end; i++) end = Math.max(end, marks[i]! + n);
      out += text.slice(from, start) + REDACTED;
      from = end;
    }
    return out + text.slice(from);
  };
}

/**
 * A copy of a JSON-safe value with every string scrubbed, keys included; the same value when
 * nothing changed. Values, not JSON text: a key next to a JSON escape cannot break the body.
 */
export function scrubValue(value: unknown, scrub: Scrub, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (scrub === identity || value === null || typeof value !== 'object' || depth > 64) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const next = scrubValue(item, scrub, depth + 1);
      if (next !== item) (copy ??= value.slice())[i] = next;
    }
    return copy ?? value;
  }
  let changed = false;
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(value)) {
    const item: unknown = (value as Record<string, unknown>)[key];
    const k = scrub(key);
    const v = scrubValue(item, scrub, depth + 1);
    if (k !== key || v !== item) changed = true;
    entries.push([k, v]);
  }
  if (!changed) return value;
  const copy: Record<string, unknown> = {};
  // defineProperty: a `__proto__` key stays an own data property, never a prototype.
  for (const [k, v] of entries) Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Drops `user:password@` from every URL in a text: URL credentials never appear in a message. */
export function stripUrlCredentials(text: string): string {
  return text.includes('@') ? text.replace(/\/\/[^/\s@]*@/g, '//') : text;
}
