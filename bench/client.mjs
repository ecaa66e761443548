import { spawn } from 'node:child_process';
import { createClient, gen } from '../dist/index.js';
import { median } from './harness.mjs';

const BODY = JSON.stringify({ id: 'user_1', email: 'dev@example.test', credits: 100, agents: [{ id: 'agent_456', name: 'Writer' }] });

// In the same process, as most test suites run one: its work shares the measured event loop,
// so the client's own CPU weighs more in the ratio.
async function startLocalServer() {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
      res.end(BODY);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

// The server runs in its own process, so its work does not share the measured event loop.
export async function startServer() {
  const code = `
    const body = ${JSON.stringify(BODY)};
    const server = require('node:http').createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      });
    });
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
  return { server: { close: () => child.kill() }, url: `http://127.0.0.1:${port}` };
}

// Request by request, alternating which side goes first, so drift falls on both alike. Wall time
// and this process's CPU time (the server runs in another process) are both reported.
export async function interleaved(name, baseline, candidate, { rounds = 15, perRound = 500 } = {}) {
  for (let i = 0; i < 300; i++) {
    await baseline();
    await candidate();
  }
  const wall = [];
  const cpu = [];
  const base = [];
  const cand = [];
  for (let r = 0; r < rounds; r++) {
    const t = { b: 0n, c: 0n };
    const u = { b: 0, c: 0 };
    for (let i = 0; i < perRound; i++) {
      for (const side of i % 2 === 0 ? ['b', 'c'] : ['c', 'b']) {
        const c0 = process.cpuUsage();
        const t0 = process.hrtime.bigint();
        await (side === 'b' ? baseline() : candidate());
        t[side] += process.hrtime.bigint() - t0;
        const dc = process.cpuUsage(c0);
        u[side] += dc.user + dc.system;
      }
    }
    base.push(Number(t.b) / perRound);
    cand.push(Number(t.c) / perRound);
    wall.push(Number(t.c) / Number(t.b));
    cpu.push(u.c / u.b);
  }
  const result = { name, baselineNs: median(base), candidateNs: median(cand), ratio: median(wall), cpuRatio: median(cpu) };
  console.log(
    `${name.padEnd(44)} baseline ${(result.baselineNs / 1000).toFixed(1)} µs  candidate ${(result.candidateNs / 1000).toFixed(1)} µs  ratio ${result.ratio.toFixed(3)}x wall, ${result.cpuRatio.toFixed(3)}x CPU`,
  );
  return result;
}

const KEY = 'gen_bench_key_0123456789';
const HEADERS = { accept: 'application/json', 'x-api-key': KEY };

// What each side does per request: the same GET, its JSON read, an error thrown on failure.
function sides(url) {
  const plain = async () => {
    const response = await fetch(`${url}/v1/me`, { headers: HEADERS });
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  };
  // The floor for any client that enforces a per-attempt timeout: fetch with a fresh
  // AbortController and timer per request (in Node 20 a signal costs undici several µs).
  const timed = async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    try {
      const response = await fetch(`${url}/v1/me`, { headers: HEADERS, signal: controller.signal });
      if (!response.ok) throw new Error(String(response.status));
      return await response.json();
    } finally {
      clearTimeout(timer);
    }
  };
  const client = createClient({ adapter: gen, apiKey: KEY, baseUrl: `${url}/v1` });
  const viaClient = async () => {
    const result = await client.request('/me');
    if (result.isErr()) throw new Error(result.error.message);
    return result.value;
  };
  return { plain, timed, viaClient };
}

export async function benchClientSameProcess() {
  const local = await startLocalServer();
  const { plain, timed, viaClient } = sides(local.url);
  const results = [
    await interleaved('client.request vs fetch + json (same process)', plain, viaClient),
    await interleaved('client.request vs fetch + timeout signal (same process)', timed, viaClient),
  ];
  local.server.close();
  return results;
}

export async function benchClient() {
  const sameProcess = await benchClientSameProcess();
  const { server, url } = await startServer();
  const { plain, viaClient } = sides(url);
  const results = [...sameProcess, await interleaved('client.request vs fetch + json (other process)', plain, viaClient)];
  try {
    const { default: ky } = await import('ky');
    const api = ky.create({ prefixUrl: `${url}/v1`, headers: HEADERS, retry: 2 });
    results.push(await interleaved('client.request vs ky (loopback)', () => api.get('me').json(), viaClient));
  } catch (error) {
    console.log(`ky not measured: ${error.message}`);
  }
  // What hooks cost when they are on: every event built and delivered (to OpenTelemetry's no-op
  // tracer here, so only faultline's side is measured). Without hooks no event is built at all.
  const { otelHooks } = await import('../dist/otel.js');
  const hooked = createClient({ adapter: gen, apiKey: KEY, baseUrl: `${url}/v1`, hooks: otelHooks() });
  results.push(
    await interleaved('client.request with otelHooks vs without', viaClient, async () => {
      const result = await hooked.request('/me');
      if (result.isErr()) throw new Error(result.error.message);
    }),
  );
  server.close();
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--same-process')) await benchClientSameProcess();
  else await benchClient();
}
