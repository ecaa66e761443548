/** Response headers as a `Headers` object or a plain record (Node's `IncomingHttpHeaders` included). */
export type HeadersInput =
  | Headers
  | Readonly<Record<string, string | readonly string[] | number | undefined>>;

/** Case-insensitive header lookup that never throws, whatever `headers` turns out to be. */
export function readHeader(headers: HeadersInput | undefined | null, name: string): string | undefined {
  if (headers === undefined || headers === null || typeof headers !== 'object') return undefined;
  try {
    if (typeof (headers as Headers).get === 'function') {
      return (headers as Headers).get(name) ?? undefined;
    }
    const record = headers as Record<string, unknown>;
    const wanted = name.toLowerCase();
    for (const key of Object.keys(record)) {
      if (key.toLowerCase() !== wanted) continue;
      const value = record[key];
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return String(value);
      if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
      return undefined;
    }
  } catch {
    // A hostile headers object (throwing getter, revoked proxy) reads as "absent".
  }
  return undefined;
}
