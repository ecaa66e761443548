import { fixtureNamed } from './fixtures.js';
import { type MockAnswer, resolveAnswer, routeMatches, routeOf } from './mock-answer.js';

export interface MockCall {
  method: string;
  url: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string | undefined;
}

export interface MockFetchOptions {
  /**
   * Answers per route, keyed `"METHOD /path"` (host and query ignored; `:id` matches a segment). A list is played in
   * order and its last answer repeats: `[503, 503, ok]` keeps answering `ok`.
   */
  routes?: Record<string, MockAnswer | readonly MockAnswer[]>;
  /** For a request no route matches. Default: reject, naming the route, so a missing mock is loud. */
  fallback?: MockAnswer;
}

export interface MockFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Every call, in order. */
  readonly calls: MockCall[];
  /** Calls for one route (`"POST /v1/document/create"`). */
  callsFor(route: string): MockCall[];
  /** Replaces a route's answers. */
  script(route: string, answers: MockAnswer | readonly MockAnswer[]): void;
  reset(): void;
}

/** A `fetch` that answers from fixtures or scripted sequences and records what it was asked. */
export function createMockFetch(options: MockFetchOptions = {}): MockFetch {
  const routes = new Map<string, { answers: readonly MockAnswer[]; next: number }>();
  const calls: MockCall[] = [];
  const script = (route: string, answers: MockAnswer | readonly MockAnswer[]): void => {
    const list: readonly MockAnswer[] = Array.isArray(answers) ? answers : [answers as MockAnswer];
    // A fixture name that is not one fails here, in the test, not later as a network error.
    for (const answer of list) if (typeof answer === 'string') fixtureNamed(answer);
    routes.set(route, { answers: list, next: 0 });
  };
  for (const [route, answers] of Object.entries(options.routes ?? {})) script(route, answers);

  const mock = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const body = request.body === null ? undefined : await request.clone().text();
    const headers: Record<string, string> = Object.fromEntries(request.headers);
    calls.push({ method: request.method, url: request.url, headers, body });
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) throw signal.reason;

    const route = routeOf(request.method, request.url);
    let entry = routes.get(route);
    if (entry === undefined) {
      for (const [key, candidate] of routes) {
        if (routeMatches(key, request.method, request.url)) {
          entry = candidate;
          break;
        }
      }
    }
    let answer: MockAnswer | undefined;
    if (entry !== undefined && entry.answers.length > 0) {
      answer = entry.answers[Math.min(entry.next, entry.answers.length - 1)];
      entry.next++;
    } else {
      answer = options.fallback;
    }
    if (answer === undefined) {
      throw new Error(`faultline mock fetch: no answer for ${route}. Scripted routes: ${[...routes.keys()].join(', ') || 'none'}`);
    }
    const resolved = await resolveAnswer(answer, request);
    if (resolved.kind === 'network') throw resolved.error;
    if (resolved.kind === 'response') return resolved.response;
    // Never answers; only the caller's signal ends it, as with a real server that hangs.
    return new Promise<Response>((_, reject) => {
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  };

  return Object.assign(mock, {
    calls,
    callsFor: (route: string) => calls.filter((c) => routeMatches(route, c.method, c.url)),
    script,
    reset() {
      calls.length = 0;
      routes.clear();
      for (const [route, answers] of Object.entries(options.routes ?? {})) script(route, answers);
    },
  });
}
