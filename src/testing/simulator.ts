import { GENREX_STEPS, type GenRexStep } from '../errors/error-result.js';
import { type CannedResponse, cannedWire, type FixtureName, fixtureNamed } from './fixtures.js';

/** One scripted answer for a route. Each is used once, in order; then the route plays the provider. */
export type Fault =
  /** Play the provider normally for this request. */
  | 'pass'
  /** A canned response. `text` wins over `body` (JSON). */
  | (CannedResponse & { delayMs?: number })
  /** A fixture's response: `{ fixture: 'gen/unauthorized' }`. */
  | { fixture: FixtureName; delayMs?: number }
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
  | { type: 'delay'; ms: number; then?: Fault }
  /** A redirect (default 307) to `location`, as a misconfigured base URL or a hostile proxy sends. */
  | { type: 'redirect'; status?: 301 | 302 | 303 | 307 | 308; location: string };

/**
 * How a GenRex job created on the fake runs: to completion, or failing at a step with a code.
 * By default each status poll moves it one step on; with `stepMs`, each step lasts that long in
 * wall time instead, whatever the polls. `steps` chooses the steps it walks through, and
 * `never: true` keeps it at its last step forever (a job that never ends).
 */
export interface JobPlan {
  failAt?: GenRexStep;
  code?: string;
  message?: string;
  stepMs?: number;
  steps?: readonly GenRexStep[];
  never?: boolean;
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


export const FAKE_GEN_KEY = 'gen_test_key_0123456789';
export const FAKE_GENREX_KEY = 'grx_sk_test_0123456789';

/** A request as any transport (node:http, MSW) hands it to the simulator. */
export interface SimRequest {
  method: string;
  /** Path and query. */
  url: string;
  /** Lower-case header names. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request the fake received, as the transport handed it over. */
/** A request as the simulator saw it, and when (epoch ms), for tests that check poll spacing. */
export type RecordedRequest = SimRequest & { at: number };

/** What the transport must do: answer, or misbehave the way a scripted fault asks. */
export type SimAnswer =
  | { kind: 'response'; status: number; headers: Record<string, string>; text: string; delayMs?: number }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'drop_mid_body'; status: number }
  | { kind: 'huge'; status: number; bytes: number }
  | { kind: 'delay'; ms: number; then: () => SimAnswer };

/** GEN and GenRex as pure request -> answer logic, shared by `startFakeServer` and the MSW handlers. */
export interface Simulator {
  /** Records the request, takes the route's next scripted fault if any, and decides the answer. */
  handle(request: SimRequest): SimAnswer;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Requests received for one route (`"POST /v1/document/create"`). */
  requestsFor(route: string): RecordedRequest[];
  /** Appends scripted answers for a route. */
  script(route: string, faults: Fault[]): void;
  /** Plans for the next GenRex jobs. */
  planJobs(plans: JobPlan[]): void;
  /**
   * Changes the accounts for the rest of a test (credits, the key each accepts, GenRex's disabled
   * flag) without a second server; returns the state now in force.
   */
  account(changes: { gen?: Partial<AccountState['gen']>; genrex?: Partial<AccountState['genrex']> }): AccountState;
  /**
   * Back to the state the server started in, for the next test: forgets recorded requests,
   * scripts, job plans and jobs, and restores the accounts the options set.
   */
  reset(): void;
}

/** The fake accounts: the key each provider accepts, its credits, and whether GenRex's is disabled. */
export interface AccountState {
  gen: { apiKey: string; credits: number };
  genrex: { apiKey: string; credits: number; disabled: boolean };
}

const STEP_CODES: Readonly<Record<GenRexStep, string>> = {
  researching: 'RESEARCH_ERROR',
  generating: 'TEXT_GENERATION_ERROR',
  images: 'IMAGE_GENERATION_ERROR',
  audio: 'AUDIO_GENERATION_ERROR',
};
const HTML_502 =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n';

interface Job {
  id: string;
  type: 'document' | 'research';
  steps: readonly GenRexStep[];
  polls: number;
  plan: JobPlan;
  createdAt: number;
  /** The step index it failed at: a failed job stays failed. */
  failedAt?: number;
}

type Json = Record<string, unknown>;

const routeOf = (method: string, url: string): string => `${method} ${url.split('?')[0]}`;

/** The routes the fake server plays; `:id` is one path segment. */
export const SERVED_ROUTES = [
  'GET /v1/me',
  'GET /v1/workspaces/:id',
  'GET /v1/autocontentengine/:id',
  'POST /v1/autocontentengine/:id/generate',
  'POST /v1/jobs/:id/stop',
  'POST /v1/document/create',
  'POST /v1/research/create',
  'GET /v1/document/:id',
  'GET /v1/research/:id',
] as const;

/** @internal Throws, naming the routes it plays, when the fake server would never see `route`. */
export function checkRoute(route: string): void {
  const [method, path = ''] = String(route).split(' ');
  const parts = path.split('/');
  const served = SERVED_ROUTES.some((known) => {
    const [m, p] = known.split(' ') as [string, string];
    const want = p.split('/');
    return m === method && want.length === parts.length && want.every((seg, i) => seg === ':id' ? parts[i] !== '' : seg === parts[i]);
  });
  if (!served) throw new Error(`faultline fake server: it does not serve "${route}". Routes (METHOD /path, no query): ${SERVED_ROUTES.join(', ')}`);
}

function checkFaults(route: string, faults: readonly Fault[]): void {
  checkRoute(route);
  for (const fault of faults) if (typeof fault === 'object' && fault !== null && 'fixture' in fault) fixtureNamed(fault.fixture);
}

export function createSimulator(options: FakeServerOptions = {}): Simulator {
  // The accounts, as the options set them; `account()` changes them for one test, `reset()` restores them.
  const initial = (): AccountState => ({
    gen: { apiKey: options.gen?.apiKey ?? FAKE_GEN_KEY, credits: options.gen?.credits ?? 100 },
    genrex: { apiKey: options.genrex?.apiKey ?? FAKE_GENREX_KEY, credits: options.genrex?.credits ?? 100, disabled: options.genrex?.disabled === true },
  });
  let state = initial();
  const requests: RecordedRequest[] = [];
  const scripts = new Map<string, Fault[]>();
  const plans: JobPlan[] = [...(options.genrex?.jobs ?? [])];
  const jobs = new Map<string, Job>();
  const genJobs = new Map<string, 'running' | 'completed'>([['gen_job_done', 'completed']]);
  let nextId = 1;
  for (const [route, faults] of Object.entries(options.faults ?? {})) {
    checkFaults(route, faults);
    scripts.set(route, [...faults]);
  }

  const respond = (status: number, text: string, headers: Record<string, string> = {}, delayMs?: number): SimAnswer => ({
    kind: 'response',
    status,
    headers: { 'x-request-id': `req_${requests.length}`, ...headers },
    text,
    ...(delayMs === undefined ? {} : { delayMs }),
  });
  const json = (status: number, payload: unknown): SimAnswer =>
    respond(status, JSON.stringify(payload), { 'content-type': 'application/json' });
  const genError = (status: number, code: string, message: string): SimAnswer => json(status, { error: message, error_code: code });
  const genrexError = (status: number, code: string, message: string): SimAnswer =>
    json(status, { success: false, error: { code, message } });

  function answer(fault: Fault, req: SimRequest): SimAnswer {
    if (fault === 'pass') return play(req);
    if ('fixture' in fault) {
      const wire = cannedWire(fixtureNamed(fault.fixture).response);
      return respond(wire.status, wire.text, wire.headers, fault.delayMs);
    }
    if ('status' in fault && !('type' in fault)) {
      const wire = cannedWire(fault);
      return respond(wire.status, wire.text, wire.headers, fault.delayMs);
    }
    switch (fault.type) {
      case 'rate_limit': {
        const payload =
          providerOf(req) === 'genrex' ? { success: false, error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests' } } : { error: 'Too many requests' };
        return respond(429, JSON.stringify(payload), { 'content-type': 'application/json', 'retry-after': String(fault.retryAfter ?? 1) });
      }
      case 'html_502':
        return respond(502, HTML_502, { 'content-type': 'text/html' });
      case 'empty_503':
        return respond(503, '', fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) });
      case 'hang':
        return { kind: 'hang' };
      case 'reset':
        return { kind: 'reset' };
      case 'drop_mid_body':
        return { kind: 'drop_mid_body', status: fault.status ?? 200 };
      case 'huge':
        return { kind: 'huge', status: fault.status ?? 500, bytes: fault.bytes ?? 50 * 1024 * 1024 };
      case 'delay':
        return { kind: 'delay', ms: fault.ms, then: () => answer(fault.then ?? 'pass', req) };
      case 'redirect':
        return respond(fault.status ?? 307, '', { location: fault.location });
    }
  }

  function play(req: SimRequest): SimAnswer {
    const url = new URL(req.url, 'http://127.0.0.1');
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] !== 'v1') return genError(404, 'not_found', 'Resource not found');
    if (providerOf(req) === 'genrex') return playGenRex(req, parts.slice(1));
    return playGen(req, parts.slice(1), url.searchParams);
  }

  function providerOf(req: SimRequest): 'gen' | 'genrex' {
    return /^\/v1\/(document|research)(\/|$)/.test(req.url.split('?')[0] ?? '') ? 'genrex' : 'gen';
  }

  // GEN: flat { error, error_code } bodies, X-API-Key auth.
  function playGen(req: SimRequest, parts: string[], query: URLSearchParams): SimAnswer {
    if (req.headers['x-api-key'] !== state.gen.apiKey) return genError(401, 'unauthorized', 'Missing or invalid API key');
    const { method } = req;
    const [resource, id, action] = parts;
    if (method === 'GET' && resource === 'me' && id === undefined) {
      return json(200, { id: 'user_1', email: 'dev@example.test', credits: state.gen.credits, agents: [{ id: 'agent_456', name: 'Writer' }] });
    }
    if (resource === 'workspaces' && id !== undefined) {
      if (id !== 'ws_1') return genError(403, 'permission_denied', 'You do not have access to this workspace');
      return json(200, { id, name: 'Main' });
    }
    if (resource === 'autocontentengine' && id !== undefined) {
      const agent = query.get('agent_id');
      if (agent !== 'agent_456') return genError(422, 'agent_not_found', 'Invalid agent_id parameter');
      if (id !== 'sheet_123') return genError(404, 'spreadsheet_not_found', 'Spreadsheet not found');
      if (method === 'GET' && action === undefined) return json(200, { id, agent_id: agent, rows: [{ topic: 'AI' }] });
      if (method === 'POST' && action === 'generate') {
        if (state.gen.credits <= 0) return genError(422, 'usable_gen_credit_required', 'No active GEN credits on your account');
        if (state.gen.credits < 10) return genError(422, 'insufficient_credits_for_job', 'Not enough credits to run this generation');
        state.gen.credits -= 10;
        const jobId = `gen_job_${nextId++}`;
        genJobs.set(jobId, 'running');
        return json(201, { job_id: jobId, status: 'running' });
      }
    }
    if (resource === 'jobs' && id !== undefined && method === 'POST' && action === 'stop') {
      const state = genJobs.get(id);
      if (state === undefined) return genError(404, 'not_found', 'Resource not found');
      if (state === 'completed') return genError(422, 'job_cannot_be_stopped', 'Generation already completed or failed');
      genJobs.set(id, 'completed');
      return json(200, { job_id: id, status: 'stopped' });
    }
    return genError(404, 'not_found', 'Resource not found');
  }

  // GenRex: nested { success: false, error: { code, message } } bodies, Bearer auth, async jobs.
  function playGenRex(req: SimRequest, parts: string[]): SimAnswer {
    const auth = req.headers.authorization;
    const token = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    if (token === '') return genrexError(401, 'UNAUTHENTICATED', 'Missing authentication credentials');
    if (token !== state.genrex.apiKey) return genrexError(401, 'INVALID_API_KEY', 'API key is invalid or does not exist');
    if (state.genrex.disabled) return genrexError(403, 'ACCOUNT_DISABLED', 'Account is disabled');
    const [type, id] = parts as ['document' | 'research', string | undefined];
    if (req.method === 'POST' && id === 'create') {
      let input: unknown;
      try {
        input = req.body === '' ? undefined : JSON.parse(req.body);
      } catch {
        return genrexError(400, 'INVALID_PARAMETER', 'Body is not valid JSON');
      }
      const prompt = (input as Json | undefined)?.prompt;
      if (prompt === undefined) return genrexError(422, 'VALIDATION_ERROR', 'prompt is required');
      if (typeof prompt !== 'string' || prompt.trim() === '') return genrexError(400, 'INVALID_PARAMETER', 'prompt must be a non-empty string');
      if (state.genrex.credits <= 0) return genrexError(402, 'INSUFFICIENT_CREDITS', 'Account has insufficient credits');
      state.genrex.credits -= 1;
      const plan = plans.shift() ?? {};
      const job: Job = {
        id: `${type}_${String(nextId++).padStart(4, '0')}`,
        type,
        steps: plan.steps ?? (type === 'research' ? ['researching'] : GENREX_STEPS),
        polls: 0,
        plan,
        createdAt: Date.now(),
      };
      jobs.set(job.id, job);
      return json(201, { success: true, id: job.id, status: 'queued' });
    }
    if (req.method === 'GET' && id !== undefined) {
      if (id.startsWith('other_')) return genrexError(403, 'FORBIDDEN', 'You do not have access to this resource');
      const job = jobs.get(id);
      if (job === undefined) return genrexError(404, 'NOT_FOUND', 'Resource does not exist');
      if (job.type !== type) return genrexError(400, 'INVALID_TYPE', `Process type mismatch: ${id} is a ${job.type}, not a ${type}`);
      return json(200, jobStatus(job));
    }
    return genrexError(404, 'NOT_FOUND', 'Resource does not exist');
  }

  // Each poll (or each `stepMs`) moves the job one step on: queued -> researching -> ... ->
  // completed, or failed at the planned step; a `never` job stays at its last step.
  function jobStatus(job: Job): Json {
    const polled = job.polls++;
    let index = job.plan.stepMs === undefined ? polled : Math.floor((Date.now() - job.createdAt) / Math.max(1, job.plan.stepMs));
    if (job.plan.never === true) index = Math.min(index, job.steps.length - 1);
    index = job.failedAt ?? index;
    const step = job.steps[index];
    if (step !== undefined && job.plan.failAt === step) {
      const code = job.plan.code ?? STEP_CODES[step];
      const message = job.plan.message ?? (code === 'CONTENT_MODERATION' ? 'Content was flagged by moderation policy' : `${step} failed`);
      job.failedAt = index;
      return { success: false, id: job.id, status: 'failed', error: { step, message, code } };
    }
    if (step !== undefined) return { success: true, id: job.id, status: step };
    return { success: true, id: job.id, status: 'completed', result: { title: 'Generated', words: 800 } };
  }

  return {
    handle(req) {
      requests.push({ method: req.method, url: req.url, headers: { ...req.headers }, body: req.body, at: Date.now() });
      return answer(scripts.get(routeOf(req.method, req.url))?.shift() ?? 'pass', req);
    },
    requests,
    requestsFor: (route) => requests.filter((r) => routeOf(r.method, r.url) === route),
    script(route, faults) {
      checkFaults(route, faults);
      scripts.set(route, [...(scripts.get(route) ?? []), ...faults]);
    },
    planJobs(more) {
      plans.push(...more);
    },
    account(changes) {
      state = { gen: { ...state.gen, ...changes.gen }, genrex: { ...state.genrex, ...changes.genrex } };
      return { gen: { ...state.gen }, genrex: { ...state.genrex } };
    },
    reset() {
      requests.length = 0;
      scripts.clear();
      plans.length = 0;
      plans.push(...(options.genrex?.jobs ?? []));
      jobs.clear();
      state = initial();
    },
  };
}
