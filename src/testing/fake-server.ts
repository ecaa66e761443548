import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { GenRexStep } from '../error-result.js';
import { fixtureBodyText, getFixture, type Fixture } from './fixtures.js';

/** One scripted answer for a route. Each is used once, in order; then the route plays the provider. */
export type Fault =
  /** Play the provider normally for this request. */
  | 'pass'
  /** A canned response. `text` wins over `body` (JSON). */
  | { status: number; headers?: Record<string, string>; body?: unknown; text?: string; delayMs?: number }
  /** A fixture's response: `{ fixture: 'gen/unauthorized' }`. */
  | { fixture: `${'gen' | 'genrex'}/${string}`; delayMs?: number }
  /** A 429 in the provider's shape, with a Retry-After (seconds, or an HTTP-date string). */
  | { type: 'rate_limit'; retryAfter?: number | string }
  /** An nginx-style HTML 502 page. */
  | { type: 'html_502' }
  /** A 503 with no body, optionally with a Retry-After. */
  | { type: 'empty_503'; retryAfter?: number | string }
  /** Accept the request and never answer. */
  | { type: 'hang' }
  /** Destroy the connection without answering (a reset after the request was sent). */
  | { type: 'reset' }
  /** Send headers and part of the body, then drop the connection. */
  | { type: 'drop_mid_body'; status?: number }
  /** A body of `bytes` bytes (default 50 MiB), streamed. */
  | { type: 'huge'; status?: number; bytes?: number }
  /** Wait, then play the provider (or `then`). */
  | { type: 'delay'; ms: number; then?: Fault };

/** How a GenRex job created on the fake runs: to completion, or failing at a step with a code. */
export interface JobPlan {
  failAt?: GenRexStep;
  code?: string;
  message?: string;
}

export interface FakeServerOptions {
  /** Default 0: a free port. The server only ever listens on 127.0.0.1. */
  port?: number;
  gen?: {
    /** The key GEN accepts in `X-API-Key`. Default `gen_test_key_0123456789`. */
    apiKey?: string;
    /** Credits on the account: 0 gives `usable_gen_credit_required`. Default 100. */
    credits?: number;
  };
  genrex?: {
    /** The key GenRex accepts as `Authorization: Bearer <key>`. Default `grx_sk_test_0123456789`. */
    apiKey?: string;
    /** Credits: 0 gives `INSUFFICIENT_CREDITS` on create. Default 100. */
    credits?: number;
    /** The account is disabled: every call gets `ACCOUNT_DISABLED`. */
    disabled?: boolean;
    /** Plans for the next jobs created, in order; later jobs complete. */
    jobs?: JobPlan[];
  };
  /** Scripted answers per route, keyed `"METHOD /path"` (path without query), e.g. `"GET /v1/me"`. */
  faults?: Record<string, Fault[]>;
}

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  /** Lower-case header names. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface FakeServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** `${url}/v1`: pass it as `baseUrl` to a GEN or GenRex client. */
  readonly baseUrl: string;
  readonly port: number;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Requests received for one route (`"POST /v1/document/create"`). */
  requestsFor(route: string): RecordedRequest[];
  /** Appends scripted answers for a route. */
  script(route: string, faults: Fault[]): void;
  /** Plans for the next GenRex jobs. */
  planJobs(plans: JobPlan[]): void;
  /** Forgets recorded requests and scripts. */
  reset(): void;
  close(): Promise<void>;
}

export const FAKE_GEN_KEY = 'gen_test_key_0123456789';
export const FAKE_GENREX_KEY = 'grx_sk_test_0123456789';

const STEPS: readonly GenRexStep[] = ['researching', 'generating', 'images', 'audio'];
const STEP_CODES: Readonly<Record<GenRexStep, string>> = {
  researching: 'RESEARCH_ERROR',
  generating: 'TEXT_GENERATION_ERROR',
  images: 'IMAGE_GENERATION_ERROR',
  audio: 'AUDIO_GENERATION_ERROR',
};
const HTML_502 =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n';
const MAX_REQUEST_BODY = 1024 * 1024;

interface Job {
  id: string;
  type: 'document' | 'research';
  steps: readonly GenRexStep[];
  polls: number;
  plan: JobPlan;
}

type Json = Record<string, unknown>;

/**
 * A real `node:http` server on 127.0.0.1 that plays GEN and GenRex (routes in the README),
 * checks their auth headers the way each provider does, and answers with scripted faults.
 */
export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const genKey = options.gen?.apiKey ?? FAKE_GEN_KEY;
  const genrexKey = options.genrex?.apiKey ?? FAKE_GENREX_KEY;
  let genCredits = options.gen?.credits ?? 100;
  let genrexCredits = options.genrex?.credits ?? 100;
  const requests: RecordedRequest[] = [];
  const scripts = new Map<string, Fault[]>();
  const plans: JobPlan[] = [...(options.genrex?.jobs ?? [])];
  const jobs = new Map<string, Job>();
  const genJobs = new Map<string, 'running' | 'completed'>([['gen_job_done', 'completed']]);
  const sockets = new Set<Socket>();
  let nextId = 1;

  for (const [route, faults] of Object.entries(options.faults ?? {})) scripts.set(route, [...faults]);

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = req.url ?? '/';
      requests.push({ method: req.method ?? 'GET', url, headers: { ...req.headers }, body });
      const route = `${req.method ?? 'GET'} ${url.split('?')[0]}`;
      const fault = scripts.get(route)?.shift();
      answer(fault ?? 'pass', req, res, body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function answer(fault: Fault, req: IncomingMessage, res: ServerResponse, body: string): void {
    if (fault === 'pass') return play(req, res, body);
    if ('fixture' in fault) {
      const [provider, name] = fault.fixture.split('/') as [Fixture['provider'], string];
      const fixture = getFixture(provider, name);
      return later(fault.delayMs, () => send(res, fixture.response.status, fixtureBodyText(fixture), fixture.response.headers));
    }
    if ('status' in fault && !('type' in fault)) {
      const text = fault.text ?? (fault.body === undefined ? '' : JSON.stringify(fault.body));
      const headers = { ...(fault.text === undefined && fault.body !== undefined ? { 'content-type': 'application/json' } : {}), ...fault.headers };
      return later(fault.delayMs, () => send(res, fault.status, text, headers));
    }
    switch (fault.type) {
      case 'rate_limit': {
        const headers = { 'content-type': 'application/json', 'retry-after': String(fault.retryAfter ?? 1) };
        const isGenRex = providerOf(req) === 'genrex';
        const payload = isGenRex
          ? { success: false, error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests' } }
          : { error: 'Too many requests' };
        return send(res, 429, JSON.stringify(payload), headers);
      }
      case 'html_502':
        return send(res, 502, HTML_502, { 'content-type': 'text/html' });
      case 'empty_503':
        return send(res, 503, '', fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) });
      case 'hang':
        return; // the socket is destroyed on close()
      case 'reset':
        req.socket.destroy();
        return;
      case 'drop_mid_body': {
        res.writeHead(fault.status ?? 200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"success": true, "id": "job_');
        setTimeout(() => req.socket.destroy(), 5);
        return;
      }
      case 'huge':
        return streamHuge(res, fault.status ?? 500, fault.bytes ?? 50 * 1024 * 1024);
      case 'delay':
        setTimeout(() => answer(fault.then ?? 'pass', req, res, body), fault.ms);
        return;
    }
  }

  function later(delayMs: number | undefined, fn: () => void): void {
    if (delayMs === undefined || delayMs <= 0) fn();
    else setTimeout(fn, delayMs);
  }

  function play(req: IncomingMessage, res: ServerResponse, body: string): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] !== 'v1') return genError(res, 404, 'not_found', 'Resource not found');
    if (providerOf(req) === 'genrex') return playGenRex(req, res, method, parts.slice(1), body);
    return playGen(req, res, method, parts.slice(1), url.searchParams);
  }

  function providerOf(req: IncomingMessage): 'gen' | 'genrex' {
    const path = (req.url ?? '').split('?')[0] ?? '';
    return /^\/v1\/(document|research)(\/|$)/.test(path) ? 'genrex' : 'gen';
  }

  // GEN: flat { error, error_code } bodies, X-API-Key auth.
  function playGen(req: IncomingMessage, res: ServerResponse, method: string, parts: string[], query: URLSearchParams): void {
    const key = req.headers['x-api-key'];
    if (key !== genKey) return genError(res, 401, 'unauthorized', 'Missing or invalid API key');
    const [resource, id, action] = parts;
    if (method === 'GET' && resource === 'me' && id === undefined) {
      return json(res, 200, { id: 'user_1', email: 'dev@example.test', credits: genCredits, agents: [{ id: 'agent_456', name: 'Writer' }] });
    }
    if (resource === 'workspaces' && id !== undefined) {
      if (id !== 'ws_1') return genError(res, 403, 'permission_denied', 'You do not have access to this workspace');
      return json(res, 200, { id, name: 'Main' });
    }
    if (resource === 'autocontentengine' && id !== undefined) {
      const agent = query.get('agent_id');
      if (agent !== 'agent_456') return genError(res, 422, 'agent_not_found', 'Invalid agent_id parameter');
      if (id !== 'sheet_123') return genError(res, 404, 'spreadsheet_not_found', 'Spreadsheet not found');
      if (method === 'GET' && action === undefined) return json(res, 200, { id, agent_id: agent, rows: [{ topic: 'AI' }] });
      if (method === 'POST' && action === 'generate') {
        if (genCredits <= 0) return genError(res, 422, 'usable_gen_credit_required', 'No active GEN credits on your account');
        if (genCredits < 10) return genError(res, 422, 'insufficient_credits_for_job', 'Not enough credits to run this generation');
        genCredits -= 10;
        const jobId = `gen_job_${nextId++}`;
        genJobs.set(jobId, 'running');
        return json(res, 201, { job_id: jobId, status: 'running' });
      }
    }
    if (resource === 'jobs' && id !== undefined && method === 'POST' && action === 'stop') {
      const state = genJobs.get(id);
      if (state === undefined) return genError(res, 404, 'not_found', 'Resource not found');
      if (state === 'completed') return genError(res, 422, 'job_cannot_be_stopped', 'Generation already completed or failed');
      genJobs.set(id, 'completed');
      return json(res, 200, { job_id: id, status: 'stopped' });
    }
    return genError(res, 404, 'not_found', 'Resource not found');
  }

  // GenRex: nested { success: false, error: { code, message } } bodies, Bearer auth, async jobs.
  function playGenRex(req: IncomingMessage, res: ServerResponse, method: string, parts: string[], body: string): void {
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    if (token === '') return genrexError(res, 401, 'UNAUTHENTICATED', 'Missing authentication credentials');
    if (token !== genrexKey) return genrexError(res, 401, 'INVALID_API_KEY', 'API key is invalid or does not exist');
    if (options.genrex?.disabled === true) return genrexError(res, 403, 'ACCOUNT_DISABLED', 'Account is disabled');
    const [type, id] = parts as ['document' | 'research', string | undefined];
    if (method === 'POST' && id === 'create') {
      let input: unknown;
      try {
        input = body === '' ? undefined : JSON.parse(body);
      } catch {
        return genrexError(res, 400, 'INVALID_PARAMETER', 'Body is not valid JSON');
      }
      const prompt = (input as Json | undefined)?.prompt;
      if (prompt === undefined) return genrexError(res, 422, 'VALIDATION_ERROR', 'prompt is required');
      if (typeof prompt !== 'string' || prompt.trim() === '') return genrexError(res, 400, 'INVALID_PARAMETER', 'prompt must be a non-empty string');
      if (genrexCredits <= 0) return genrexError(res, 402, 'INSUFFICIENT_CREDITS', 'Account has insufficient credits');
      genrexCredits -= 1;
      const job: Job = {
        id: `${type}_${String(nextId++).padStart(4, '0')}`,
        type,
        steps: type === 'research' ? ['researching'] : STEPS,
        polls: 0,
        plan: plans.shift() ?? {},
      };
      jobs.set(job.id, job);
      return json(res, 201, { success: true, id: job.id, status: 'queued' });
    }
    if (method === 'GET' && id !== undefined) {
      if (id.startsWith('other_')) return genrexError(res, 403, 'FORBIDDEN', 'You do not have access to this resource');
      const job = jobs.get(id);
      if (job === undefined) return genrexError(res, 404, 'NOT_FOUND', 'Resource does not exist');
      if (job.type !== type) {
        return genrexError(res, 400, 'INVALID_TYPE', `Process type mismatch: ${id} is a ${job.type}, not a ${type}`);
      }
      return json(res, 200, jobStatus(job));
    }
    return genrexError(res, 404, 'NOT_FOUND', 'Resource does not exist');
  }

  // Each poll moves the job one step on: queued -> researching -> ... -> completed, or failed at the planned step.
  function jobStatus(job: Job): Json {
    const index = job.polls++;
    const step = job.steps[index];
    if (step !== undefined && job.plan.failAt === step) {
      const code = job.plan.code ?? STEP_CODES[step];
      const message = job.plan.message ?? (code === 'CONTENT_MODERATION' ? 'Content was flagged by moderation policy' : `${step} failed`);
      job.polls = index; // a failed job stays failed
      return { success: false, id: job.id, status: 'failed', error: { step, message, code } };
    }
    if (step !== undefined) return { success: true, id: job.id, status: step };
    return { success: true, id: job.id, status: 'completed', result: { title: 'Generated', words: 800 } };
  }

  function json(res: ServerResponse, status: number, payload: unknown): void {
    send(res, status, JSON.stringify(payload), { 'content-type': 'application/json' });
  }

  function genError(res: ServerResponse, status: number, code: string, message: string): void {
    json(res, status, { error: message, error_code: code });
  }

  function genrexError(res: ServerResponse, status: number, code: string, message: string): void {
    json(res, status, { success: false, error: { code, message } });
  }

  function send(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
    if (res.destroyed) return;
    res.writeHead(status, { 'x-request-id': `req_${requests.length}`, ...headers, 'content-length': String(Buffer.byteLength(text)) });
    res.end(text);
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
    requests,
    requestsFor: (route) => requests.filter((r) => `${r.method} ${r.url.split('?')[0]}` === route),
    script(route, faults) {
      scripts.set(route, [...(scripts.get(route) ?? []), ...faults]);
    },
    planJobs(more) {
      plans.push(...more);
    },
    reset() {
      requests.length = 0;
      scripts.clear();
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
