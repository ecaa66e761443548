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
