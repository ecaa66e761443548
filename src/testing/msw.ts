import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { responseOf } from './fixtures.js';
import { type MockAnswer, resolveAnswer } from './mock-answer.js';
import { createSimulator, type FakeServerOptions, type SimAnswer, type Simulator } from './simulator.js';

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
  const origin = originOf(options);
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

export interface ProviderHandlers extends Omit<Simulator, 'handle'> {
  /** Pass to `setupServer(...handlers)` or `server.use(...handlers)`. */
  handlers: HttpHandler[];
}

/**
 * MSW 2 handlers that play GEN and GenRex exactly as `startFakeServer` does (same routes, auth
 * checks, job lifecycle and scripted faults), for projects that already mock with MSW.
 *
 *   const genrex = providerHandlers({ genrex: { jobs: [{ failAt: 'images' }] } });
 *   server.use(...genrex.handlers);
 *   genrex.script('POST /v1/document/create', [{ type: 'empty_503' }]);
 */
export function providerHandlers(options: FakeServerOptions & MswHandlerOptions = {}): ProviderHandlers {
  const { handle, ...controls } = createSimulator(options);
  const handler = http.all(`${originOf(options)}/v1/*`, async ({ request }) => {
    const url = new URL(request.url);
    const headers: Record<string, string> = Object.fromEntries(request.headers);
    const answer = handle({ method: request.method, url: url.pathname + url.search, headers, body: await request.text() });
    return toMswResponse(answer);
  });
  return { handlers: [handler], ...controls };
}

// The origin routes are matched under: the base URL without its `/v1`, or any origin.
function originOf(options: MswHandlerOptions): string {
  return (options.baseUrl ?? '*').replace(/\/+$/, '').replace(/\/v1$/, '');
}

async function toMswResponse(answer: SimAnswer): Promise<Response> {
  switch (answer.kind) {
    case 'response': {
      if (answer.delayMs !== undefined && answer.delayMs > 0) await delay(answer.delayMs);
      return responseOf(answer.status, answer.headers, answer.text);
    }
    case 'hang':
      await delay('infinite');
      return HttpResponse.error();
    case 'reset':
      return HttpResponse.error();
    case 'drop_mid_body': {
      // Headers arrive, then the body breaks off, as when a connection drops mid-body.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"success": true, "id": "job_'));
          controller.error(new TypeError('terminated'));
        },
      });
      return new Response(body, { status: answer.status, headers: { 'content-type': 'application/json' } });
    }
    case 'huge': {
      const chunk = new Uint8Array(64 * 1024).fill(120);
      let sent = 0;
      // Pulled on demand, so a reader that cancels stops the generation.
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const size = Math.min(chunk.length, answer.bytes - sent);
          if (size <= 0) return controller.close();
          sent += size;
          controller.enqueue(size === chunk.length ? chunk.slice() : chunk.slice(0, size));
        },
      });
      return new Response(body, { status: answer.status, headers: { 'content-type': 'text/plain' } });
    }
    case 'delay':
      await delay(answer.ms);
      return toMswResponse(answer.then());
  }
}
