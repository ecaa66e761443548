/** Default bound on an error body read from the network: 64 KiB. */
export const DEFAULT_MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * Reads at most `maxBytes` of a response body as UTF-8 and cancels the rest of the stream,
 * so a 50 MiB error page costs what a small one does. A stream that fails part way gives what
 * arrived before. Never rejects.
 */
export async function readBoundedText(response: Response, maxBytes: number = DEFAULT_MAX_ERROR_BODY_BYTES): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  let received = 0;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    const body = response.body;
    if (body === null) return '';
    reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      const room = maxBytes - received;
      if (value.byteLength > room) {
        reader.cancel().catch(() => undefined);
        return text + decoder.decode(value.subarray(0, Math.max(0, room)));
      }
      received += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    reader?.cancel().catch(() => undefined);
    return text;
  }
}

/** Default bound on a success body: 32 MiB of decoded bytes. */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * Reads a whole body as UTF-8 if its decoded size is at most `maxBytes`; `undefined` (and the
 * stream cancelled) once it is more, so a gzip bomb costs no more than its bound. Rejects when
 * the stream fails, as `response.text()` does.
 */
export function readBodyUpTo(response: Response, maxBytes: number): Promise<string | undefined> {
  if (maxBytes === Infinity) return response.text();
  const headers = response.headers;
  const length = headers.get('content-length');
  // Without a content-coding the declared length is the decoded length, and fetch enforces it.
  // Not async: the common case hands back fetch's own promise, one microtask hop fewer.
  if (length !== null && headers.get('content-encoding') === null) {
    if (Number(length) > maxBytes) {
      response.body?.cancel().catch(() => undefined);
      return Promise.resolve(undefined);
    }
    return response.text();
  }
  return readCounting(response, maxBytes);
}

async function readCounting(response: Response, maxBytes: number): Promise<string | undefined> {
  const body = response.body;
  if (body === null) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return new TextDecoder().decode(chunks[0]);
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}
