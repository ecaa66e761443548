import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createSimulator, type FakeServerOptions, type SimAnswer, type Simulator } from './simulator.js';

export {
  type AccountState,
  FAKE_GEN_KEY,
  FAKE_GENREX_KEY,
  type FakeServerOptions,
  type Fault,
  type JobPlan,
  type RecordedRequest,
} from './simulator.js';

export interface FakeServer extends Omit<Simulator, 'handle'> {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** `${url}/v1`: pass it as `baseUrl` to a GEN or GenRex client. */
  readonly baseUrl: string;
  readonly port: number;
  close(): Promise<void>;
}

const MAX_REQUEST_BODY = 1024 * 1024;

/**
 * A real `node:http` server on 127.0.0.1 that plays GEN and GenRex (routes in the README),
 * checks their auth headers the way each provider does, and answers with scripted faults.
 * The provider logic is the simulator's; this is only its transport.
 */
export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const { handle, ...controls } = createSimulator(options);
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      const answer = handle({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      perform(answer, req, res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function perform(answer: SimAnswer, req: IncomingMessage, res: ServerResponse): void {
    switch (answer.kind) {
      case 'response': {
        const send = (): void => {
          if (res.destroyed) return;
          res.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.text)) });
          res.end(answer.text);
        };
        if (answer.delayMs !== undefined && answer.delayMs > 0) setTimeout(send, answer.delayMs);
        else send();
        return;
      }
      case 'hang':
        return; // the socket is destroyed on close()
      case 'reset':
        req.socket.destroy();
        return;
      case 'drop_mid_body':
        res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"success": true, "id": "job_');
        setTimeout(() => req.socket.destroy(), 5);
        return;
      case 'huge':
        return streamHuge(res, answer.status, answer.bytes);
      case 'delay':
        setTimeout(() => perform(answer.then(), req, res), answer.ms);
        return;
    }
  }

  function streamHuge(res: ServerResponse, status: number, bytes: number): void {
    res.writeHead(status, { 'content-type': 'text/plain', 'content-length': String(bytes) });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    const pump = (): void => {
      while (sent < bytes && !res.destroyed) {
        const piece = sent + chunk.length <= bytes ? chunk : chunk.subarray(0, bytes - sent);
        sent += piece.length;
        if (!res.write(piece)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) res.end();
    };
    res.on('close', () => {
      sent = bytes;
    });
    pump();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    baseUrl: `${url}/v1`,
    port,
    ...controls,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
