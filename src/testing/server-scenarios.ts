import type { GenRexStep } from '../errors/error-result.js';
import type { FakeServerOptions, Fault, JobPlan } from './fake-server.js';

const times = (n: number, fault: Fault): Fault[] => Array.from({ length: n }, () => fault);
const failJobs = (plan: JobPlan): FakeServerOptions => ({ genrex: { jobs: Array.from({ length: 1000 }, () => plan) } });

/** Named fault presets for `startFakeServer` and `faultline serve --scenario`. */
export const serverScenarios: Readonly<Record<string, { description: string; options: FakeServerOptions }>> = {
  flaky: {
    description: 'GET /v1/me and POST /v1/document/create answer 503 twice, then work',
    options: { faults: { 'GET /v1/me': times(2, { type: 'empty_503' }), 'POST /v1/document/create': times(2, { type: 'empty_503' }) } },
  },
  'rate-limited': {
    description: 'GET /v1/me and POST /v1/document/create answer 429 with Retry-After: 2 once',
    options: { faults: { 'GET /v1/me': [{ type: 'rate_limit', retryAfter: 2 }], 'POST /v1/document/create': [{ type: 'rate_limit', retryAfter: 2 }] } },
  },
  'html-502': {
    description: 'GET /v1/me answers an nginx HTML 502 page three times',
    options: { faults: { 'GET /v1/me': times(3, { type: 'html_502' }) } },
  },
  outage: {
    description: 'GET /v1/me and POST /v1/document/create answer an empty 503 for the next 10000 requests',
    options: { faults: { 'GET /v1/me': times(10_000, { type: 'empty_503' }), 'POST /v1/document/create': times(10_000, { type: 'empty_503' }) } },
  },
  slow: {
    description: 'GET /v1/me never answers',
    options: { faults: { 'GET /v1/me': times(1000, { type: 'hang' }) } },
  },
  'huge-error': {
    description: 'GET /v1/me answers a 50 MiB 500 body',
    options: { faults: { 'GET /v1/me': times(100, { type: 'huge', status: 500 }) } },
  },
  'no-credits': {
    description: 'both accounts have no credits',
    options: { gen: { credits: 0 }, genrex: { credits: 0 } },
  },
  disabled: {
    description: 'the GenRex account is disabled',
    options: { genrex: { disabled: true } },
  },
  moderation: {
    description: 'every GenRex job is flagged by moderation at the generating step',
    options: failJobs({ failAt: 'generating', code: 'CONTENT_MODERATION' }),
  },
  ...Object.fromEntries(
    (['researching', 'generating', 'images', 'audio'] as const satisfies readonly GenRexStep[]).map((step) => [
      `job-fails-at-${step}`,
      { description: `every GenRex job fails at the ${step} step`, options: failJobs({ failAt: step }) },
    ]),
  ),
};

/** Several presets as one set of options; faults for the same route are played in the order given. */
export function mergeServerOptions(list: readonly FakeServerOptions[]): FakeServerOptions {
  const merged: FakeServerOptions = { faults: {} };
  for (const options of list) {
    if (options.port !== undefined) merged.port = options.port;
    if (options.gen !== undefined) merged.gen = { ...merged.gen, ...options.gen };
    if (options.genrex !== undefined) {
      const jobs = [...(merged.genrex?.jobs ?? []), ...(options.genrex.jobs ?? [])];
      merged.genrex = { ...merged.genrex, ...options.genrex, jobs };
    }
    for (const [route, faults] of Object.entries(options.faults ?? {})) {
      merged.faults![route] = [...(merged.faults![route] ?? []), ...faults];
    }
  }
  return merged;
}
