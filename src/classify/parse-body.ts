// What a JSON text can start with; anything else is text without paying for a failed parse.
const JSON_START = '{["-0123456789tfn';

/**
 * A body as the normalizers take it: a string that holds JSON becomes the parsed value;
 * any other string (HTML, plain text, truncated JSON) stays text; anything else is kept.
 */
export function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  const first = firstNonSpace(body);
  if (first === undefined || !JSON_START.includes(first)) return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

function firstNonSpace(text: string): string | undefined {
  for (let i = 0; i < text.length && i < 1024; i++) {
    const c = text[i]!;
    if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t' && c !== '\ufeff') return c;
  }
  return undefined;
}
