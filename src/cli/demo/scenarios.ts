import type { Result } from 'neverthrow';
import { gen } from '../../../adapters/gen/index.js';
import { genrex } from '../../../adapters/genrex/index.js';
import { type Client, type ClientOptions, createClient } from '../../client/client.js';
import type { JobProgress } from '../../client/wait-for-job.js';
import type { ErrorKind, ErrorResult } from '../../errors/error-result.js';
import { createMemoryStore } from '../../store/memory-store.js';
import { FAKE_GEN_KEY, FAKE_GENREX_KEY, type FakeServer, type FakeServerOptions, startFakeServer } from '../../testing/fake-server.js';

/** One end-to-end run of the client against the fake servers, and what it must give. */
export interface Scenario {
  name: string;
  provider: 'gen' | 'genrex';
  expected: { kind: ErrorKind | 'ok'; code?: string; step?: string; attempts?: number };
  server?: FakeServerOptions;
  client?: Partial<ClientOptions>;
  /** `watch` is told of a job's progress; the row shows the steps it walked and its polls. */
  run(client: Client, server: FakeServer, watch: (progress: JobProgress) => void): PromiseLike<Result<unknown, ErrorResult>>;
}

export interface ScenarioRow {
  scenario: string;
  kind: string;
  code: string;
  retryable: string;
  step: string;
  attempts: number;
  outcome: string;
  hint: string;
  /** For a job: the steps it walked and how many polls it took. */
  job: string;
  /** The waits slept before retries, in ms. */
  waits: number[];
  /** The failure's `retryAfterMs`, when it has one. */
  retryAfterMs?: number;
  /** What the fake server was told to do: its faults, account state and job plans. */
  source: string;
  /** What differs from the scenario's expectation; empty when it matched. */
  mismatch: string;
}

const SHEET = '/autocontentengine/sheet_123';
const post = (body: unknown) => ({ method: 'POST', body });

// Submits a GenRex job with an idempotency key and waits for it, as a caller would.
async function submitAndWait(
  client: Client,
  watch: (progress: JobProgress) => void,
  options: { type?: 'document' | 'research'; deadlineMs?: number } = {},
): Promise<Result<unknown, ErrorResult>> {
  const type = options.type ?? 'document';
  const created = await client.request<{ id: string }>(`/${type}/create`, { ...post({ prompt: 'Write about AI' }), idempotencyKey: true });
  if (created.isErr()) return created;
  return client.waitForJob(`/${type}/${created.value.id}`, { intervalMs: 20, maxIntervalMs: 80, deadlineMs: options.deadlineMs, onProgress: watch });
}

export const scenarios: Scenario[] = [
  // GEN: every documented error.
  { name: 'gen: wrong X-API-Key', provider: 'gen', client: { apiKey: 'gen_wrong_key_000000' }, expected: { kind: 'authentication', code: 'unauthorized' }, run: (c) => c.request('/me') },
  { name: 'gen: workspace without access', provider: 'gen', expected: { kind: 'permission', code: 'permission_denied' }, run: (c) => c.request('/workspaces/ws_2') },
  { name: 'gen: stop an unknown job', provider: 'gen', expected: { kind: 'not_found', code: 'not_found' }, run: (c) => c.request('/jobs/gen_job_404/stop', { method: 'POST' }) },
  { name: 'gen: unknown sheet', provider: 'gen', expected: { kind: 'not_found', code: 'spreadsheet_not_found' }, run: (c) => c.request('/autocontentengine/sheet_999', { query: { agent_id: 'agent_456' } }) },
  { name: 'gen: bad agent_id', provider: 'gen', expected: { kind: 'invalid_request', code: 'agent_not_found' }, run: (c) => c.request(SHEET, { query: { agent_id: 'agent_000' } }) },
  { name: 'gen: no GEN credits', provider: 'gen', server: { gen: { credits: 0 } }, expected: { kind: 'insufficient_credits', code: 'usable_gen_credit_required' }, run: (c) => c.request(`${SHEET}/generate`, { method: 'POST', query: { agent_id: 'agent_456' } }) },
  { name: 'gen: credits too low for the job', provider: 'gen', server: { gen: { credits: 5 } }, expected: { kind: 'insufficient_credits', code: 'insufficient_credits_for_job' }, run: (c) => c.request(`${SHEET}/generate`, { method: 'POST', query: { agent_id: 'agent_456' } }) },
  { name: 'gen: stop a finished job', provider: 'gen', expected: { kind: 'conflict', code: 'job_cannot_be_stopped' }, run: (c) => c.request('/jobs/gen_job_done/stop', { method: 'POST' }) },
  // GEN: retries.
  { name: 'gen: 503, HTML 502, then 200', provider: 'gen', server: { faults: { 'GET /v1/me': [{ type: 'empty_503' }, { type: 'html_502' }] } }, expected: { kind: 'ok', attempts: 3 }, run: (c) => c.request('/me') },
  { name: 'gen: 429 with Retry-After 1 s, then 200', provider: 'gen', server: { faults: { 'GET /v1/me': [{ type: 'rate_limit', retryAfter: 1 }] } }, expected: { kind: 'ok', attempts: 2 }, run: (c) => c.request('/me') },
  { name: 'gen: paid POST gets a 500: not resubmitted', provider: 'gen', server: { faults: { 'POST /v1/autocontentengine/sheet_123/generate': [{ status: 500, body: { error: 'Internal error' } }] } }, expected: { kind: 'server', code: 'http_500', attempts: 1 }, run: (c) => c.request(`${SHEET}/generate`, { method: 'POST', query: { agent_id: 'agent_456' } }) },
  { name: 'gen: server never answers', provider: 'gen', server: { faults: { 'GET /v1/me': [{ type: 'hang' }] } }, client: { timeoutMs: 200, retry: false }, expected: { kind: 'timeout', code: 'timeout' }, run: (c) => c.request('/me') },
  // GenRex: every documented error.
  { name: 'genrex: no Authorization header', provider: 'genrex', client: { adapter: { ...genrex, auth: () => ({}) }, apiKey: '' }, expected: { kind: 'authentication', code: 'UNAUTHENTICATED' }, run: (c) => c.request('/document/create', post({ prompt: 'x' })) },
  { name: 'genrex: wrong Bearer key', provider: 'genrex', client: { apiKey: 'grx_sk_wrong_000000' }, expected: { kind: 'authentication', code: 'INVALID_API_KEY' }, run: (c) => c.request('/document/create', post({ prompt: 'x' })) },
  { name: 'genrex: account disabled', provider: 'genrex', server: { genrex: { disabled: true } }, expected: { kind: 'permission', code: 'ACCOUNT_DISABLED' }, run: (c) => c.request('/document/create', post({ prompt: 'x' })) },
  { name: 'genrex: out of credits', provider: 'genrex', server: { genrex: { credits: 0 } }, expected: { kind: 'insufficient_credits', code: 'INSUFFICIENT_CREDITS' }, run: (c) => c.request('/document/create', post({ prompt: 'x' })) },
  { name: 'genrex: missing prompt', provider: 'genrex', expected: { kind: 'invalid_request', code: 'VALIDATION_ERROR' }, run: (c) => c.request('/document/create', post({})) },
  { name: 'genrex: prompt of the wrong type', provider: 'genrex', expected: { kind: 'invalid_request', code: 'INVALID_PARAMETER' }, run: (c) => c.request('/document/create', post({ prompt: 42 })) },
  { name: 'genrex: unknown document', provider: 'genrex', expected: { kind: 'not_found', code: 'NOT_FOUND' }, run: (c) => c.request('/document/document_9999') },
  { name: "genrex: another account's document", provider: 'genrex', expected: { kind: 'permission', code: 'FORBIDDEN' }, run: (c) => c.request('/document/other_0001') },
  {
    name: 'genrex: research id on the document endpoint',
    provider: 'genrex',
    expected: { kind: 'invalid_request', code: 'INVALID_TYPE' },
    run: async (c) => {
      const created = await c.request<{ id: string }>('/research/create', post({ prompt: 'x' }));
      return created.isErr() ? created : c.request(`/document/${created.value.id}`);
    },
  },
  { name: 'genrex: rate limited for an hour', provider: 'genrex', server: { faults: { 'POST /v1/document/create': [{ type: 'rate_limit', retryAfter: 3600 }] } }, expected: { kind: 'rate_limited', code: 'RATE_LIMIT_EXCEEDED', attempts: 1 }, run: (c) => c.request('/document/create', post({ prompt: 'x' })) },
  // GenRex: jobs.
  ...(['researching', 'generating', 'images', 'audio'] as const).map(
    (step): Scenario => ({
      name: `genrex: job fails at ${step}`,
      provider: 'genrex',
      server: { genrex: { jobs: [{ failAt: step }] } },
      expected: { kind: 'generation_failed', step },
      run: (c, _s, watch) => submitAndWait(c, watch),
    }),
  ),
  { name: 'genrex: job flagged by moderation', provider: 'genrex', server: { genrex: { jobs: [{ failAt: 'generating', code: 'CONTENT_MODERATION' }] } }, expected: { kind: 'content_policy', code: 'CONTENT_MODERATION', step: 'generating' }, run: (c, _s, watch) => submitAndWait(c, watch) },
  { name: 'genrex: job completes', provider: 'genrex', expected: { kind: 'ok' }, run: (c, _s, watch) => submitAndWait(c, watch) },
  {
    name: 'genrex: job survives a flaky status endpoint',
    provider: 'genrex',
    client: { retry: false },
    server: { faults: { 'GET /v1/document/document_0001': [{ type: 'empty_503' }, { type: 'reset' }, { type: 'rate_limit', retryAfter: 0 }] } },
    expected: { kind: 'ok' },
    run: (c, _s, watch) => submitAndWait(c, watch),
  },
  {
    name: 'genrex: job never ends: the wait hits its deadline',
    provider: 'genrex',
    server: { genrex: { jobs: [{ never: true, steps: ['researching', 'generating'] }] } },
    expected: { kind: 'timeout', code: 'job_deadline_exceeded', step: 'generating' },
    run: (c, _s, watch) => submitAndWait(c, watch, { deadlineMs: 400 }),
  },
  { name: 'genrex: create gets 503 + Retry-After (not acted): retried', provider: 'genrex', server: { faults: { 'POST /v1/document/create': [{ type: 'empty_503', retryAfter: 0 }] } }, expected: { kind: 'ok', attempts: 2 }, run: (c) => c.request('/document/create', post({ prompt: 'x' })) },
  { name: 'genrex: create gets a bare 503 (a proxy; may have acted): not resent', provider: 'genrex', server: { faults: { 'POST /v1/document/create': [{ type: 'empty_503' }] } }, expected: { kind: 'server', code: 'http_503' }, run: (c) => c.request('/document/create', post({ prompt: 'x' })) },
  { name: 'genrex: create redirected (307) to another origin: not followed', provider: 'genrex', server: { faults: { 'POST /v1/document/create': [{ type: 'redirect', location: 'http://127.0.0.1:9/v1/document/create' }] } }, expected: { kind: 'invalid_request', code: 'redirect' }, run: (c) => c.request('/document/create', post({ prompt: 'x' })) },
  // Provider health: what one call learns spares the next ones.
  {
    name: 'genrex: outage: the breaker opens, the 4th call is not sent',
    provider: 'genrex',
    server: { faults: { 'GET /v1/document/document_0001': [{ type: 'empty_503' }, { type: 'empty_503' }, { type: 'empty_503' }, { type: 'empty_503' }] } },
    client: { breaker: { failureThreshold: 3, openMs: 5000 }, retry: false },
    expected: { kind: 'server', code: 'circuit_open', attempts: 0 },
    run: async (c) => {
      for (let i = 0; i < 3; i++) await c.request('/document/document_0001');
      return c.request('/document/document_0001');
    },
  },
  {
    name: "genrex: one client's 429 pauses the account for the next",
    provider: 'genrex',
    server: { faults: { 'POST /v1/document/create': [{ type: 'rate_limit', retryAfter: 3600 }] } },
    client: { rateLimitPause: true },
    expected: { kind: 'rate_limited', code: 'rate_limit_pause', attempts: 0 },
    run: async (c, server) => {
      const store = createMemoryStore();
      const first = createClient({ adapter: genrex, apiKey: FAKE_GENREX_KEY, baseUrl: server.baseUrl, rateLimitPause: true, store });
      await first.request('/document/create', post({ prompt: 'x' }));
      const next = createClient({ adapter: genrex, apiKey: FAKE_GENREX_KEY, baseUrl: server.baseUrl, rateLimitPause: true, store });
      return next.request('/document/create', post({ prompt: 'x' }));
    },
  },
  { name: 'genrex: create gets 500 with idempotency key', provider: 'genrex', server: { faults: { 'POST /v1/document/create': [{ status: 500, text: '' }] } }, expected: { kind: 'ok', attempts: 2 }, run: (c) => c.request('/document/create', { ...post({ prompt: 'x' }), idempotencyKey: 'demo-key-1' }) },
  {
    name: 'genrex: caller aborts a hanging create',
    provider: 'genrex',
    server: { faults: { 'POST /v1/document/create': [{ type: 'hang' }] } },
    expected: { kind: 'aborted', code: 'aborted' },
    run: (c) => c.request('/document/create', { ...post({ prompt: 'x' }), signal: AbortSignal.timeout(150) }),
  },
];

/** Runs one scenario on its own fake server and reports it as a table row. */
export async function runScenario(scenario: Scenario): Promise<ScenarioRow> {
  const server = await startFakeServer(scenario.server);
  try {
    // Counts the retries of the scenario's last call, and their waits, so a success can report them too.
    let retries = 0;
    let waits: number[] = [];
    const base = createClient({
      adapter: scenario.provider === 'gen' ? gen : genrex,
      apiKey: scenario.provider === 'gen' ? FAKE_GEN_KEY : FAKE_GENREX_KEY,
      baseUrl: server.baseUrl,
      retry: { baseDelayMs: 50, maxDelayMs: 200 },
      onRetry: (_attempt, _error, delayMs) => {
        retries++;
        waits.push(delayMs);
      },
      ...scenario.client,
    });
    const client: Client = {
      ...base,
      request: (path, options) => {
        retries = 0;
        waits = [];
        return base.request(path, options);
      },
    };
    const steps: string[] = [];
    let watched = false;
    const watch = (progress: JobProgress): void => {
      watched = true;
      if (progress.step !== undefined && steps.at(-1) !== progress.step) steps.push(progress.step);
    };
    const result = await scenario.run(client, server, watch);
    const polls = server.requests.filter((r) => r.method === 'GET' && /^\/v1\/(?:document|research)\//.test(r.url)).length;
    const job = watched ? `${steps.join('>') || '-'} (${polls} polls)` : '';
    const source = sourceOf(scenario);
    const row: ScenarioRow = result.isOk()
      ? { scenario: scenario.name, kind: 'ok', code: '', retryable: '', step: '', attempts: retries + 1, outcome: '', hint: '', job, mismatch: '', waits, source }
      : {
          scenario: scenario.name,
          kind: result.error.kind,
          code: result.error.code,
          retryable: String(result.error.retryable),
          step: result.error.step ?? '',
          attempts: result.error.attempts?.length ?? 0,
          outcome: result.error.outcome ?? '',
          hint: result.error.hint,
          job,
          mismatch: '',
          waits: (result.error.attempts ?? []).flatMap((a) => (a.delayMs === undefined ? [] : [a.delayMs])),
          source,
          ...(result.error.retryAfterMs === undefined ? {} : { retryAfterMs: result.error.retryAfterMs }),
        };
    row.mismatch = mismatchOf(scenario, row);
    return row;
  } finally {
    await server.close();
  }
}

// What is behind a row, in the fake server's own terms, so it can be played again (`faultline serve`, `startFakeServer`).
function sourceOf(scenario: Scenario): string {
  const parts: string[] = [];
  for (const [route, faults] of Object.entries(scenario.server?.faults ?? {})) {
    const names = faults.map((f) => (f === 'pass' ? 'pass' : 'fixture' in f ? f.fixture : 'type' in f ? f.type + ('retryAfter' in f && f.retryAfter !== undefined ? ` ${f.retryAfter}s` : '') : `status ${f.status}`));
    parts.push(`${route}: ${names.join(', ')}`);
  }
  for (const provider of ['gen', 'genrex'] as const) {
    const account = scenario.server?.[provider];
    if (account === undefined) continue;
    const { jobs, ...rest } = account as { jobs?: unknown[] } & Record<string, unknown>;
    for (const [key, value] of Object.entries(rest)) parts.push(`${provider} ${key} ${String(value)}`);
    for (const plan of jobs ?? []) parts.push(`job ${Object.entries(plan as object).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('>') : String(v)}`).join(' ')}`);
  }
  for (const key of ['breaker', 'rateLimitPause', 'timeoutMs', 'apiKey'] as const) {
    const value = scenario.client?.[key];
    if (value !== undefined) parts.push(`client ${key}${key === 'apiKey' ? ' wrong' : ` ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`}`);
  }
  return parts.length === 0 ? 'fake server, as it starts' : parts.join('; ');
}

function mismatchOf(scenario: Scenario, row: ScenarioRow): string {
  const { expected } = scenario;
  const problems: string[] = [];
  if (row.kind !== expected.kind) problems.push(`kind ${row.kind}, expected ${expected.kind}`);
  if (expected.code !== undefined && row.code !== expected.code) problems.push(`code ${row.code}, expected ${expected.code}`);
  if (expected.step !== undefined && row.step !== expected.step) problems.push(`step ${row.step}, expected ${expected.step}`);
  if (expected.attempts !== undefined && row.attempts !== expected.attempts) problems.push(`attempts ${row.attempts}, expected ${expected.attempts}`);
  return problems.join('; ');
}
