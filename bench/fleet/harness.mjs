// A local server that counts what a fleet sends it, and the fleet: child processes running the
// built package (worker.mjs). Shared by the fleet test and bench/fleet.mjs.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('./worker.mjs', import.meta.url));

/**
 * `answer(msSinceStart, index)` -> { status, headers?, body?, delayMs? }. Records each request's
 * arrival and end (ms since `start()`), and the most requests in flight at once.
 */
export async function startFleetServer(answer) {
  let t0 = Date.now();
  const requests = [];
  let inFlight = 0;
  const server = createServer((req, res) => {
    const entry = { at: Date.now() - t0, end: undefined };
    requests.push(entry);
    inFlight++;
    req.resume();
    req.on('end', () => {
      const a = answer(entry.at, requests.length - 1);
      setTimeout(() => {
        res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
        res.end(a.body === undefined ? '{}' : JSON.stringify(a.body));
        entry.end = Date.now() - t0;
        inFlight--;
      }, a.delayMs ?? 0);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    requests,
    start(at) {
      t0 = at;
      requests.length = 0;
    },
    /** The most requests in flight at once among those that arrived in [from, to). */
    maxConcurrent(from = 0, to = Infinity) {
      const window = requests.filter((r) => r.at >= from && r.at < to);
      let max = 0;
      for (const r of window) {
        const overlapping = window.filter((o) => o.at <= r.at && (o.end === undefined || o.end > r.at)).length;
        max = Math.max(max, overlapping);
      }
      return max;
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Runs `workers` processes with `cfg` (startAt is set here); resolves with each one's report. */
export async function runFleet(workers, cfg, { leadMs = 800, server, onStart } = {}) {
  const startAt = Date.now() + leadMs;
  server?.start(startAt);
  onStart?.(startAt);
  const runs = Array.from({ length: workers }, (_, i) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [WORKER, JSON.stringify({ ...cfg, startAt: startAt + (cfg.staggerMs ?? 0) * i, worker: i })], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (c) => (out += c));
      child.stderr.on('data', (c) => (err += c));
      child.on('exit', (code) => {
        if (code !== 0) reject(new Error(`worker ${i} exited ${code}: ${err}`));
        else resolve(JSON.parse(out.trim().split('\n').pop()));
      });
    }),
  );
  return { startAt, reports: await Promise.all(runs) };
}
