import { isSchema, type Schema, validateSync } from './standard-schema.js';

/**
 * What an adapter reads from a provider's body: structure only, no decisions.
 * `jobFailed` says the body is an async job's failure report (GenRex's status endpoint).
 */
export interface BodyFacts {
  code?: string;
  message?: string;
  step?: string;
  requestId?: string;
  jobFailed?: boolean;
}

/** Where an async job is, as an adapter reads it from its status body. */
export type JobState = 'pending' | 'running' | 'succeeded' | 'failed';

export interface JobStatus {
  state: JobState;
  /** The pipeline step it is at, or failed at. */
  step?: string;
}

/** Everything known about one failed response before the policy table is consulted. */
export interface ProviderFacts extends BodyFacts {
  provider: string;
  status?: number;
  retryAfterMs?: number;
}

export interface AdapterDefinition<Body> {
  /** Short lowercase name; also the provider key in the policy table. */
  name: string;
  /** The provider's documented base URL, version prefix included. None: every client must pass `baseUrl`. */
  baseUrl?: string;
  /** Headers that carry the API key. Their values are never copied into results. */
  auth: (apiKey: string) => Record<string, string>;
  /** Headers every request to the provider carries (an API version); client and request headers win. */
  headers?: Record<string, string>;
  /**
   * The provider's error body shape, fields optional: the fast path for well-formed bodies.
   * Any synchronous Standard Schema (zod, zod/mini, valibot, arktype, ...), so an adapter needs
   * no zod. A function returning the schema is called once, on first use, to keep cold starts short.
   */
  errorBody: Schema<Body> | (() => Schema<Body>);
  /**
   * Tried only when `errorBody` rejects a body: the same shape with each field reading as
   * `undefined` when it has the wrong type, so one bad field does not hide the others.
   */
  lenientErrorBody?: Schema<Body> | (() => Schema<Body>);
  /** Turns a body the schema accepted into facts. */
  facts: (body: Body) => BodyFacts;
  /** A 2xx body that reports a failure (e.g. `success: false`). Defaults to "never". */
  isFailure?: (body: unknown) => boolean;
  /** Extra response headers that carry a request id, tried after `x-request-id` and `request-id`. */
  requestIdHeaders?: readonly string[];
  /**
   * The job facet: where a job is, from its status body (for `client.waitForJob`). Without one,
   * a body `isFailure` calls a failure is a failed job and any other body a finished one.
   */
  job?: (body: unknown) => JobStatus;
  /**
   * Why a body (and its lower-case headers) is this provider's error, from the marks only its
   * shape carries; `undefined` when it is not. `faultline classify --provider auto` asks each
   * built-in adapter in turn. Without one, an adapter is never picked automatically.
   */
  recognize?: (body: unknown, headers: Readonly<Record<string, string>>) => string | undefined;
}

/** A provider, as `normalize`, `classify`, `fromResponse` and `createClient` take it. */
export interface Adapter {
  readonly name: string;
  readonly baseUrl: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly requestIdHeaders: readonly string[];
  /** @internal Lower-case names normalize reads: retry-after-ms, retry-after, x-should-retry, then the request id headers. */
  readonly headerNames: readonly string[];
  auth(apiKey: string): Record<string, string>;
  /** Facts from a parsed body; `undefined` when the body is not the provider's error shape. Never throws. */
  readError(body: unknown): BodyFacts | undefined;
  /** Whether a 2xx body is really a failure. Never throws. */
  isFailure(body: unknown): boolean;
  /** Where a job is, from its status body. Never throws. */
  readJob(body: unknown): JobStatus;
  /** Why this body is this provider's error, or `undefined`. Never throws. */
  recognize(body: unknown, headers: Readonly<Record<string, string>>): string | undefined;
}

/**
 * Defines a provider. The built-in `gen` and `genrex` adapters are made with it; a new
 * provider needs one of these plus its rows in the policy table (`createPolicy({ codes: { name: {...} } })`).
 */
export function defineAdapter<Body>(definition: AdapterDefinition<Body>): Adapter {
  const { name, baseUrl, auth, errorBody, lenientErrorBody, facts, isFailure, job, recognize } = definition;
  const failed = (body: unknown): boolean => {
    if (isFailure === undefined) return false;
    try {
      return isFailure(body);
    } catch {
      return false;
    }
  };
  let precise: Schema<Body> | undefined;
  let lenient: Schema<Body> | undefined;
  const requestIdHeaders = ['x-request-id', 'request-id', ...(definition.requestIdHeaders ?? [])].map((h) => h.toLowerCase());
  return Object.freeze({
    name,
    baseUrl: baseUrl?.replace(/\/+$/, ''),
    headers: Object.freeze({ ...definition.headers }),
    requestIdHeaders,
    headerNames: ['retry-after-ms', 'retry-after', 'x-should-retry', ...requestIdHeaders],
    auth,
    readError(body: unknown): BodyFacts | undefined {
      if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
      try {
        precise ??= schemaOf(errorBody);
        const parsed = validateSync(precise, body);
        if (parsed !== undefined) return facts(parsed);
        if (lenientErrorBody === undefined) return undefined;
        lenient ??= schemaOf(lenientErrorBody);
        const second = validateSync(lenient, body);
        return second === undefined ? undefined : facts(second);
      } catch {
        return undefined;
      }
    },
    isFailure: failed,
    recognize(body: unknown, headers: Readonly<Record<string, string>>): string | undefined {
      try {
        return recognize?.(body, headers);
      } catch {
        return undefined;
      }
    },
    readJob(body: unknown): JobStatus {
      try {
        if (job !== undefined) return job(body);
      } catch {
        // A reader that throws has not seen the job finish: keep waiting.
        return { state: 'pending' };
      }
      return { state: failed(body) ? 'failed' : 'succeeded' };
    },
  });
}

function schemaOf<Body>(given: Schema<Body> | (() => Schema<Body>)): Schema<Body> {
  return isSchema(given) ? given : (given as () => Schema<Body>)();
}
