import { execFileSync } from 'node:child_process';
import { median } from './harness.mjs';

// Cost of `import('faultline')` in a fresh process, against importing its three dependencies alone.
const root = new URL('..', import.meta.url).pathname;
const baseline = "await Promise.all([import('zod'), import('neverthrow'), import('ts-pattern')]);";
const candidate = "await import('faultline');";
const wrap = (code) => `const t=process.hrtime.bigint();${code}console.log(Number(process.hrtime.bigint()-t)/1e6)`;

export async function benchImport(rounds = 15) {
  const b = [];
  const c = [];
  for (let i = 0; i < rounds; i++) {
    b.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', wrap(baseline)], { cwd: root, encoding: 'utf8' })));
    c.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', wrap(candidate)], { cwd: root, encoding: 'utf8' })));
  }
  const result = { name: 'import faultline vs its dependencies alone', baselineMs: median(b), candidateMs: median(c) };
  result.ratio = result.candidateMs / result.baselineMs;
  console.log(`${result.name.padEnd(44)} baseline ${result.baselineMs.toFixed(1)} ms  faultline ${result.candidateMs.toFixed(1)} ms  ratio ${result.ratio.toFixed(2)}x`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchImport();
