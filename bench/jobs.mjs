// One poll cycle (poll, parse, decide, schedule): waitForJob against a plain fetch + json loop doing
// the same polls on loopback, each waiting a zero timer between polls. CPU time of this process,
// interleaved job by job; the server answers "running" nine times, then "completed".
import { createServer } from 'node:http';
import { createClient, genrex } from '../dist/index.js';
import { median } from './harness.mjs';

const POLLS = 10;

export async function benchJobs({ rounds = 15, jobsPerRound = 40 } = {}) {
  const counts = new Map();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const n = (counts.get(req.url) ?? 0) + 1;
      counts.set(req.url, n);
      const body = JSON.stringify(n < POLLS ? { success: true, id: 'j', status: 'images' } : { success: true, id: 'j', status: 'completed', result: { words: 800 } });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}/v1`;
  const headers = { accept: 'application/json', authorization: 'Bearer grx_bench_key_0123456789' };
  let id = 0;
  // `timed`: each poll with its own timeout signal, as any loop that bounds a poll must.
  const loop = (timed) => async () => {
    const url = `${base}/document/plain_${id++}`;
    for (;;) {
      const controller = timed ? new AbortController() : undefined;
      const timer = timed ? setTimeout(() => controller.abort(), 30_000) : undefined;
      const response = await fetch(url, { headers, signal: controller?.signal });
      clearTimeout(timer);
      if (!response.ok) throw new Error(String(response.status));
      const body = await response.json();
      if (body.status === 'completed') return body;
      if (body.status === 'failed') throw new Error('failed');
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  const plain = loop(false);
  const timedPlain = loop(true);
  const client = createClient({ adapter: genrex, apiKey: 'grx_bench_key_0123456789', baseUrl: base });
  const viaClient = async () => {
    const result = await client.waitForJob(`/document/client_${id++}`, { intervalMs: 0, maxIntervalMs: 0 });
    if (result.isErr()) throw new Error(result.error.message);
    return result.value;
  };
  const measure = async (baseline) => {
    for (let i = 0; i < 20; i++) await baseline(), await viaClient();
    const ratios = [];
    for (let r = 0; r < rounds; r++) {
      const cpu = { b: 0, c: 0 };
      for (let j = 0; j < jobsPerRound; j++) {
        for (const side of j % 2 === 0 ? ['b', 'c'] : ['c', 'b']) {
          const c0 = process.cpuUsage();
          await (side === 'b' ? baseline() : viaClient());
          const d = process.cpuUsage(c0);
          cpu[side] += d.user + d.system;
        }
      }
      ratios.push(cpu.c / cpu.b);
    }
    return median(ratios);
  };
  const ratio = await measure(plain);
  const timedRatio = await measure(timedPlain);
  server.close();
  console.log(`${'waitForJob vs fetch + json poll loop (CPU)'.padEnd(44)} ${POLLS} polls a job: ratio ${ratio.toFixed(3)}x; vs the loop with a timeout signal per poll ${timedRatio.toFixed(3)}x`);
  return { ratio, timedRatio };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchJobs();
