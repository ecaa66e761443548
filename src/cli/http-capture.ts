/** A response as `curl -i` prints it: status line, headers, a blank line, the body. */
export interface HttpCapture {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const STATUS_LINE = /^HTTP\/[\d.]+\s+(\d{3})(?:\s[^\r\n]*)?\r?\n/;

/**
 * Reads a raw HTTP capture (`curl -i`, `curl -i -L`, a proxy's `Connection established`, a
 * `100 Continue`): the last response in it wins. `undefined` when the text does not start with a
 * status line, so a bare body is read as one.
 */
export function parseCapture(text: string): HttpCapture | undefined {
  let rest = text.replace(/^\uFEFF/, '');
  let capture: HttpCapture | undefined;
  for (let match = STATUS_LINE.exec(rest); match !== null; match = STATUS_LINE.exec(rest)) {
    rest = rest.slice(match[0].length);
    // Header lines up to the blank line (none when the blank line comes at once); no blank line: all headers, no body.
    const block = /^((?:[^\r\n]+\r?\n)*?)\r?\n/.exec(rest);
    const headerText = block === null ? rest : block[1]!;
    const headers: Record<string, string> = {};
    for (const line of headerText.split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      // Repeated headers arrive joined, as fetch joins them.
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    rest = block === null ? '' : rest.slice(block[0].length);
    capture = { status: Number(match[1]), headers, body: rest };
  }
  return capture;
}
