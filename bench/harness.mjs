// Interleaved timing: blocks of the baseline and the candidate alternate, so drift (GC, CPU
// frequency, other load) falls on both alike; the ratio is the median of per-round ratios.
export async function compare({ name, baseline, candidate, rounds = 15, iterations }) {
  const perCall = (ns) => ns / iterations;
  const ratios = [];
  const base = [];
  const cand = [];
  for (let r = -2; r < rounds; r++) {
    const b = await time(baseline, iterations);
    const c = await time(candidate, iterations);
    if (r < 0) continue; // warm-up rounds
    base.push(perCall(b));
    cand.push(perCall(c));
    ratios.push(c / b);
  }
  const result = { name, baselineNs: median(base), candidateNs: median(cand), ratio: median(ratios) };
  console.log(
    `${name.padEnd(44)} baseline ${fmt(result.baselineNs)}  faultline ${fmt(result.candidateNs)}  ratio ${result.ratio.toFixed(2)}x`,
  );
  return result;
}

async function time(fn, iterations) {
  const start = process.hrtime.bigint();
  const maybe = fn(iterations);
  if (maybe && typeof maybe.then === 'function') await maybe;
  return Number(process.hrtime.bigint() - start);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function fmt(ns) {
  return ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`;
}
