import { createClient, gen } from '../dist/index.js';
import { FAKE_GEN_KEY, startFakeServer } from '../dist/testing.js';

// A sustained outage: every request gets a 503. Requests sent per call, with the default
// retry budget (delays set to 0 so the run is quick; the budget is what bounds the load).
export async function benchAmplification(calls = 400) {
  const server = await startFakeServer({ faults: { 'GET /v1/me': Array.from({ length: calls * 5 }, () => ({ type: 'empty_503' })) } });
  const client = createClient({ adapter: gen, apiKey: FAKE_GEN_KEY, baseUrl: server.baseUrl, retry: { baseDelayMs: 0, maxDelayMs: 0 } });
  for (let i = 0; i < calls; i++) await client.request('/me');
  const sent = server.requests.length;
  const noBudget = createClient({ adapter: gen, apiKey: FAKE_GEN_KEY, baseUrl: server.baseUrl, retry: { baseDelayMs: 0, maxDelayMs: 0, budget: false } });
  server.reset();
  server.script('GET /v1/me', Array.from({ length: calls * 5 }, () => ({ type: 'empty_503' })));
  for (let i = 0; i < calls; i++) await noBudget.request('/me');
  const sentWithout = server.requests.length;
  await server.close();
  const result = { name: 'amplification under a 503 outage', calls, sent, ratio: sent / calls, withoutBudget: sentWithout / calls };
  console.log(`${result.name.padEnd(44)} ${calls} calls -> ${sent} requests, ratio ${result.ratio.toFixed(2)}x (without the budget: ${result.withoutBudget.toFixed(2)}x)`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchAmplification();
