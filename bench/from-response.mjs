import { fromResponse, gen, genrex } from '../dist/index.js';
import { compare } from './harness.mjs';

// The same bodies through both: a success (the common path) and an error.
const ok = JSON.stringify({ id: 'user_1', email: 'dev@example.test', credits: 100, agents: [{ id: 'agent_456', name: 'Writer' }] });
const bad = JSON.stringify({ success: false, error: { code: 'INVALID_API_KEY', message: 'API key is invalid' } });
const headers = { 'content-type': 'application/json' };

let sink = 0;
export async function benchFromResponse() {
  const results = [];
  for (const [name, body, status, adapter] of [
    ['fromResponse vs Response.text + JSON.parse (200)', ok, 200, gen],
    ['fromResponse vs Response.text + JSON.parse (401)', bad, 401, genrex],
  ]) {
    results.push(
      await compare({
        name,
        iterations: 20_000,
        baseline: async (n) => {
          for (let i = 0; i < n; i++) {
            const value = JSON.parse(await new Response(body, { status, headers }).text());
            sink += value === null ? 0 : 1;
          }
        },
        candidate: async (n) => {
          for (let i = 0; i < n; i++) {
            const result = await fromResponse(adapter, new Response(body, { status, headers }));
            sink += result.isOk() ? 1 : 0;
          }
        },
      }),
    );
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFromResponse();
