import { createServer } from 'node:http';
import { createClient, gen } from '../dist/index.js';
import { median } from './harness.mjs';

const BODY = JSON.stringify({ id: 'user_1', email: 'dev@example.test', credits: 100, agents: [{ id: 'agent_456', name: 'Writer' }] });

async function startServer() {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
      res.end(BODY);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

// Request by request, alternating which side goes first, so drift falls on both alike.
async function interleaved(name, baseline, candidate, { rounds = 9, perRound = 400 } = {}) {
  for (let i = 0; i < 300; i++) {
    await baseline();
    await candidate();
  }
  const ratios = [];
  const base = [];
  const cand = [];
  for (let r = 0; r < rounds; r++) {
    let b = 0n;
    let c = 0n;
    for (let i = 0; i < perRound; i++) {
      const first = i % 2 === 0;
      for (const side of first ? ['b', 'c'] : ['c', 'b']) {
        const t0 = process.hrtime.bigint();
        await (side === 'b' ? baseline() : candidate());
        const dt = process.hrtime.bigint() - t0;
        if (side === 'b') b += dt;
        else c += dt;
      }
    }
    base.push(Number(b) / perRound);
    cand.push(Number(c) / perRound);
    ratios.push(Number(c) / Number(b));
  }
  const result = { name, baselineNs: median(base), candidateNs: median(cand), ratio: median(ratios) };
  console.log(`${name.padEnd(44)} baseline ${(result.baselineNs / 1000).toFixed(1)} µs  candidate ${(result.candidateNs / 1000).toFixed(1)} µs  ratio ${result.ratio.toFixed(3)}x`);
  return result;
}

export async function benchClient() {
  const { server, url } = await startServer();
  const headers = { accept: 'application/json', 'x-api-key': 'gen_bench_key_0123456789' };
  const plain = async () => {
    const response = await fetch(`${url}/v1/me`, { headers });
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  };
  const client = createClient({ adapter: gen, apiKey: 'gen_bench_key_0123456789', baseUrl: `${url}/v1` });
  const viaClient = async () => {
    const result = await client.request('/me');
    if (result.isErr()) throw new Error(result.error.message);
    return result.value;
  };
  const results = [await interleaved('client.request vs fetch + json (loopback)', plain, viaClient)];
  try {
    const { default: ky } = await import('ky');
    const api = ky.create({ prefixUrl: `${url}/v1`, headers, retry: 2 });
    results.push(await interleaved('client.request vs ky (loopback)', () => api.get('me').json(), viaClient));
  } catch (error) {
    console.log(`ky not measured: ${error.message}`);
  }
  server.close();
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchClient();
