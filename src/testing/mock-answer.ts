import { type CannedResponse, type FixtureName, cannedWire, type Fixture, fixtureNamed, responseOf, toResponse } from './fixtures.js';

/**
 * One scripted answer, shared by the mock fetch and the MSW handlers:
 * a fixture (object or `"gen/unauthorized"` name), a canned response, a network failure,
 * a request that never gets an answer, or a function of the request.
 */
export type MockAnswer =
  | Fixture
  | FixtureName
  | CannedResponse
  | { network: 'refused' | 'reset' | 'dns' }
  | { hang: true }
  | ((request: Request) => Response | Promise<Response>);

export type Resolved =
  | { kind: 'response'; response: Response }
  | { kind: 'network'; error: Error }
  | { kind: 'hang' };

const NETWORK_CODES = { refused: 'ECONNREFUSED', reset: 'ECONNRESET', dns: 'ENOTFOUND' } as const;

/** Turns an answer into what the transport should do. */
export async function resolveAnswer(answer: MockAnswer, request: Request): Promise<Resolved> {
  if (typeof answer === 'function') return { kind: 'response', response: await answer(request) };
  if (typeof answer === 'string') return { kind: 'response', response: toResponse(fixtureNamed(answer)) };
  if ('network' in answer) {
    // The shape Node's fetch rejects with, so code that inspects `cause.code` sees the real thing.
    const code = NETWORK_CODES[answer.network];
    return { kind: 'network', error: new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) }) };
  }
  if ('hang' in answer) return { kind: 'hang' };
  if ('response' in answer && 'expected' in answer) return { kind: 'response', response: toResponse(answer) };
  const { status, headers, text } = cannedWire(answer as CannedResponse);
  return { kind: 'response', response: responseOf(status, headers, text) };
}

/**
 * Whether a route key (`"GET /v1/document/:id"`) matches a request; `:name` matches one path
 * segment, `*` the rest.
 */
export function routeMatches(route: string, method: string, url: string): boolean {
  const [routeMethod = '', routePath = ''] = route.split(' ');
  if (routeMethod.toUpperCase() !== method.toUpperCase()) return false;
  const pathname = new URL(url).pathname;
  if (!routePath.includes(':') && !routePath.includes('*')) return routePath === pathname;
  const pattern = routePath
    .split('/')
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${pattern}$`).test(pathname);
}

/** `"GET /v1/me"` for a request, whatever its host and query. */
export function routeOf(method: string, url: string): string {
  return `${method.toUpperCase()} ${new URL(url).pathname}`;
}
