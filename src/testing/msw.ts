import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { type MockAnswer, resolveAnswer } from './mock-answer.js';

export interface MswHandlerOptions {
  /** Prefix of the routes: the provider base your code calls. Default `*` (any origin), then `/v1/...`. */
  baseUrl?: string;
}

/**
 * MSW 2 handlers that play the same scripted answers as `createMockFetch`: routes keyed
 * `"METHOD /path"`, a list played in order with its last answer repeating.
 *
 *   server.use(...mswHandlers({ 'GET /v1/me': [{ status: 503 }, 'gen/unauthorized'] }))
 */
export function mswHandlers(
  routes: Record<string, MockAnswer | readonly MockAnswer[]>,
  options: MswHandlerOptions = {},
): HttpHandler[] {
  const origin = (options.baseUrl ?? '*').replace(/\/+$/, '').replace(/\/v1$/, '');
  return Object.entries(routes).map(([route, answers]) => {
    const [method = 'GET', path = '/'] = route.split(' ');
    const list: readonly MockAnswer[] = Array.isArray(answers) ? answers : [answers as MockAnswer];
    let next = 0;
    return http.all(`${origin}${path}`, async ({ request }) => {
      if (request.method !== method.toUpperCase()) return undefined;
      const answer = list[Math.min(next++, list.length - 1)];
      if (answer === undefined) return undefined;
      const resolved = await resolveAnswer(answer, request);
      if (resolved.kind === 'network') return HttpResponse.error();
      if (resolved.kind === 'hang') {
        await delay('infinite');
        return undefined;
      }
      return resolved.response;
    });
  });
}
