import { boundText } from './bound-raw.js';

/** Longest message kept on an ErrorResult; provider text is untrusted. */
export const MAX_MESSAGE_CHARS = 1000;

const FOLDABLE = /\s\s|[\t\n\r\f\v]/;
const MARKUP = /^<|<(?:!doctype|html|head|body|title|div|p|h1|center)\b/i;

/**
 * Text fit to show as `message`: non-empty, not an HTML page, whitespace folded and bounded.
 * `undefined` otherwise, so the caller falls back to the reason phrase.
 */
export function usableText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const head = value.length > 4096 ? value.slice(0, 4096) : value;
  const trimmed = head.trim();
  if (trimmed === '' || (trimmed.includes('<') && MARKUP.test(trimmed))) return undefined;
  // Fold runs of whitespace only when there are any: the regex replace is the costly part.
  const folded = FOLDABLE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
  return boundText(folded, MAX_MESSAGE_CHARS);
}
