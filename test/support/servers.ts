import { afterAll, afterEach, beforeAll } from 'vitest';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** When the request arrived, epoch ms. */
  at: number;
}

export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Every request this server received, in order, with its body. */
  seen: Seen[];
  /** The answer to the next requests; the last one given keeps answering. */
  answer(...handlers: Handler[]): void;
  close(): Promise<void>;
}

export type Handler = (req: Seen, res: ServerResponse) => void;

/** A plain node:http server on 127.0.0.1 and a port of its own, recording what it receives. */
export async function startServer(...handlers: Handler[]): Promise<TestServer> {
  let queue = handlers.length > 0 ? handlers : [ok({ ok: true })];
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const at = Date.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at };
      seen.push(entry);
      const handler = queue.length > 1 ? queue.shift()! : queue[0]!;
      handler(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    answer: (...next) => {
      queue = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const ok =
  (body: unknown, status = 200): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

export const reply =
  (status: number, headers: Record<string, string | string[]> = {}, text = ''): Handler =>
  (_req, res) => {
    res.writeHead(status, headers);
    res.end(text);
  };

/** Every run of 8 characters of the key, to assert none survives anywhere. */
export function keyRuns(key: string): string[] {
  const runs: string[] = [];
  for (let i = 0; i + 8 <= key.length; i++) runs.push(key.slice(i, i + 8));
  return runs;
}

/** The key whole, minus its first or last character, and no 8-character run of it. */
export function leaks(value: unknown, key: string): string[] {
  const json = JSON.stringify(value) ?? '';
  return [key, key.slice(1), key.slice(0, -1), ...keyRuns(key)].filter((piece) => json.includes(piece));
}

/**
 * Two servers for a suite (`api` and another origin): started before it, emptied and answering
 * `ok` again after each test, closed after it. `use` receives them once they listen.
 */
export function useTwoServers(use: (api: TestServer, other: TestServer) => void): void {
  let servers: TestServer[] = [];
  beforeAll(async () => {
    servers = [await startServer(), await startServer()];
    use(servers[0]!, servers[1]!);
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
  });
  afterEach(() => {
    for (const server of servers) {
      server.seen.length = 0;
      server.answer(ok({ ok: true }));
    }
  });
}
