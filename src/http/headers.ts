/** Response headers as a `Headers` object or a plain record (Node's `IncomingHttpHeaders` included). */
export type HeadersInput =
  | Headers
  | Readonly<Record<string, string | readonly string[] | number | undefined>>;

/** Case-insensitive header lookup that never throws, whatever `headers` turns out to be. */
export function readHeader(headers: HeadersInput | undefined | null, name: string): string | undefined {
  return readHeaders(headers, [name.toLowerCase()])[0];
}

function headerValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  // A header sent several times: all its values, as fetch's Headers joins them.
  if (Array.isArray(value) && typeof value[0] === 'string') return value.join(', ');
  return undefined;
}

/**
 * Reads a few headers in one pass: a record's keys are lower-cased once, not once per lookup.
 * Returns values in the order of `names` (all lower-case); never throws.
 */
export function readHeaders(headers: HeadersInput | undefined | null, names: readonly string[]): Array<string | undefined> {
  const out = new Array<string | undefined>(names.length);
  if (headers === undefined || headers === null || typeof headers !== 'object') return out;
  try {
    if (typeof (headers as Headers).get === 'function') {
      for (let i = 0; i < names.length; i++) out[i] = (headers as Headers).get(names[i]!) ?? undefined;
      return out;
    }
    const record = headers as Record<string, unknown>;
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      let index = names.indexOf(key);
      if (index < 0) index = names.indexOf(key.toLowerCase());
      if (index >= 0 && out[index] === undefined) out[index] = headerValue(record[key]);
    }
  } catch {
    // A hostile headers object reads as "no headers".
  }
  return out;
}
