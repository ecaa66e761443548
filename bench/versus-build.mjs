// This build against another one, in one process with interleaved blocks, so machine noise falls
// on both alike: `normalize` per call, and the client's own cost per successful request with a
// fake fetch (no network, so only faultline's work and the AbortSignal it creates are measured).
//   git worktree add /tmp/before <commit> && ln -s "$PWD/node_modules" /tmp/before/
//   (cd /tmp/before && npx tsup --silent) && npm run build && node bench/versus-build.mjs /tmp/before/dist/index.js
const otherPath = process.argv[2];
if (otherPath === undefined) {
  console.error('usage: node bench/versus-build.mjs <path to the other build>/dist/index.js');
  process.exit(2);
}
const before = await import(new URL(otherPath, `file://${process.cwd()}/`).href);
const after = await import('../dist/index.js');

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

const cases = (m) => [
  [m.gen, 401, { error: 'Missing or invalid API key', error_code: 'unauthorized' }],
  [m.gen, 503, { error: 'Service unavailable' }],
  [m.genrex, 401, { success: false, error: { code: 'INVALID_API_KEY', message: 'API key is invalid' } }],
  [m.genrex, 200, { success: false, id: 'j1', status: 'failed', error: { step: 'images', code: 'IMAGE_GENERATION_ERROR', message: 'Image generation failed' } }],
];
const headers = { 'content-type': 'application/json', 'retry-after': '2' };
function normalizeBlock(m, list, n) {
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) for (const [a, status, body] of list) m.normalize(a, { status, headers, body });
  return Number(process.hrtime.bigint() - t) / (n * list.length);
}
{
  const a = cases(before);
  const b = cases(after);
  for (let i = 0; i < 5; i++) normalizeBlock(before, a, 20_000), normalizeBlock(after, b, 20_000);
  const ratios = [];
  for (let i = 0; i < 21; i++) ratios.push(normalizeBlock(after, b, 20_000) / normalizeBlock(before, a, 20_000));
  console.log(`normalize, this build / the other: ${median(ratios).toFixed(3)}x (median of 21 blocks)`);
}

const BODY = JSON.stringify({ id: 'user_1', email: 'dev@example.test', credits: 100, agents: [{ id: 'agent_456', name: 'Writer' }] });
const stub = async () => new Response(BODY, { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(BODY.length) } });
const clientCall = (m) => {
  const client = m.createClient({ adapter: m.gen, apiKey: 'gen_bench_key_0123456789', baseUrl: 'http://127.0.0.1:1/v1', fetch: stub });
  return async () => {
    const result = await client.request('/me');
    if (result.isErr()) throw new Error(result.error.message);
  };
};
const plain = async () => (await stub()).json();
async function block(fn, n) {
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - t) / n / 1000;
}
{
  const a = clientCall(before);
  const b = clientCall(after);
  for (let i = 0; i < 3; i++) await block(plain, 3000), await block(a, 3000), await block(b, 3000);
  const t = { plain: [], before: [], after: [] };
  for (let i = 0; i < 25; i++) {
    t.plain.push(await block(plain, 3000));
    t.before.push(await block(a, 3000));
    t.after.push(await block(b, 3000));
  }
  const p = median(t.plain);
  console.log(
    `client own cost per success (fake fetch): fetch + json ${p.toFixed(2)} µs; the other build +${(median(t.before) - p).toFixed(2)} µs; this build +${(median(t.after) - p).toFixed(2)} µs (medians of 25 blocks)`,
  );
}
