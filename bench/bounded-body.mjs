import { createClient, gen } from '../dist/index.js';
import { FAKE_GEN_KEY, startFakeServer } from '../dist/testing.js';
import { median } from './harness.mjs';

// An error call whose body is 50 MiB against one whose body is a few bytes: time and heap growth.
export async function benchBoundedBody(rounds = 10) {
  const server = await startFakeServer();
  const client = createClient({ adapter: gen, apiKey: FAKE_GEN_KEY, baseUrl: server.baseUrl, retry: false });
  const run = async (fault) => {
    server.script('GET /v1/me', [fault]);
    global.gc?.();
    const heap = process.memoryUsage().heapUsed;
    const t0 = process.hrtime.bigint();
    const result = await client.request('/me');
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (result.isOk()) throw new Error('expected an error');
    return { ms, heap: process.memoryUsage().heapUsed - heap };
  };
  for (let i = 0; i < 50; i++) await client.request('/me'); // warm up the JIT and the connection pool
  const small = [];
  const huge = [];
  for (let i = 0; i < rounds; i++) {
    small.push(await run({ status: 500, body: { error: 'Internal error' } }));
    huge.push(await run({ type: 'huge', status: 500, bytes: 50 * 1024 * 1024 }));
  }
  await server.close();
  const result = {
    name: '50 MiB error body vs a small one',
    smallMs: median(small.map((r) => r.ms)),
    hugeMs: median(huge.map((r) => r.ms)),
    smallHeapKiB: median(small.map((r) => r.heap)) / 1024,
    hugeHeapKiB: median(huge.map((r) => r.heap)) / 1024,
  };
  result.ratio = result.hugeMs / result.smallMs;
  console.log(
    `${result.name.padEnd(44)} small ${result.smallMs.toFixed(2)} ms  50 MiB ${result.hugeMs.toFixed(2)} ms  ratio ${result.ratio.toFixed(2)}x; heap growth ${result.smallHeapKiB.toFixed(0)} KiB vs ${result.hugeHeapKiB.toFixed(0)} KiB`,
  );
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBoundedBody();
