/** Default bound on an error body read from the network: 64 KiB. */
export const DEFAULT_MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * Reads at most `maxBytes` of a response body as UTF-8 and cancels the rest of the stream,
 * so a 50 MiB error page costs what a small one does. A stream that fails part way gives what
 * arrived before. Never rejects.
 */
export async function readBoundedText(response: Response, maxBytes: number = DEFAULT_MAX_ERROR_BODY_BYTES): Promise<string> {
  const sink = { text: '' };
  try {
    const body = response.body;
    if (body !== null) await readInto(body, maxBytes, sink);
  } catch {
    // What arrived before the failure is the body: its status and headers still decide.
  }
  return sink.text;
}

// Decodes up to `maxBytes` into `sink` as they arrive, cancelling the stream past them; true
// when the body was longer. Rejects when the stream fails, with what arrived left in `sink`.
async function readInto(body: ReadableStream<Uint8Array>, maxBytes: number, sink: { text: string }): Promise<boolean> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        sink.text += decoder.decode();
        return false;
      }
      const room = maxBytes - received;
      if (value.byteLength > room) {
        reader.cancel().catch(() => undefined);
        sink.text += decoder.decode(value.subarray(0, Math.max(0, room)));
        return true;
      }
      received += value.byteLength;
      sink.text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
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
  const sink = { text: '' };
  return (await readInto(body, maxBytes, sink)) ? undefined : sink.text;
}
