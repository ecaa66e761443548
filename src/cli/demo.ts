import { renderRows } from './demo/render-rows.js';
import { runScenario, type ScenarioRow, scenarios } from './demo/scenarios.js';

// `npm run demo`: the client against the built-in fake GEN and GenRex servers, every scenario.
async function main(): Promise<void> {
  const started = performance.now();
  const rows: ScenarioRow[] = [];
  for (const scenario of scenarios) rows.push(await runScenario(scenario));

  process.stdout.write(`${renderRows(rows)}\n\n`);
  const wrong = rows.filter((r) => r.mismatch !== '');
  process.stdout.write(
    `${rows.length} scenarios on fake servers at 127.0.0.1 in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `${wrong.length === 0 ? 'all as expected' : `${wrong.length} unexpected`}.\n`,
  );
  for (const r of wrong) process.stderr.write(`unexpected: ${r.scenario}: ${r.mismatch}\n`);
  process.exitCode = wrong.length === 0 ? 0 : 1;
}

void main();
