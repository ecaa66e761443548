/** Default bound on an error body read from the network: 64 KiB. */
export const DEFAULT_MAX_ERROR_BODY_BYTES = 64 * 1024;

export interface BoundedText {
  text: string;
  /** The body was longer than the bound; the rest was cancelled, not read. */
  truncated: boolean;
  /** The stream failed part way; `text` holds what arrived before. */
  error?: unknown;
}

/**
 * Reads at most `maxBytes` of a response body as UTF-8 and cancels the rest of the stream,
 * so a 50 MiB error page costs what a small one does. Never rejects.
 */
export async function readBoundedText(response: Response, maxBytes: number = DEFAULT_MAX_ERROR_BODY_BYTES): Promise<BoundedText> {
  let body: ReadableStream<Uint8Array> | null;
  try {
    body = response.body;
  } catch (error) {
    return { text: '', truncated: false, error };
  }
  if (body === null) return { text: '', truncated: false };
  const decoder = new TextDecoder();
  let text = '';
  let received = 0;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text: text + decoder.decode(), truncated: false };
      const room = maxBytes - received;
      if (value.byteLength > room) {
        text += decoder.decode(value.subarray(0, Math.max(0, room)));
        reader.cancel().catch(() => undefined);
        return { text, truncated: true };
      }
      received += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    reader?.cancel().catch(() => undefined);
    return { text, truncated: false, error };
  }
}
