import type { ScenarioRow } from './scenarios.js';

/** The demo's width: every line fits a 100-column terminal. */
export const DEMO_COLUMNS = 100;

const fit = (text: string, width: number): string => (text.length <= width ? text : `${text.slice(0, width - 1)}…`);

/**
 * Each scenario as two lines: its number, name and what the fake server was told to do; then what
 * the client made of it: the result, tries and the waits before retries, `retryAfterMs`, the
 * outcome, a job's steps, and the hint. No line is wider than `DEMO_COLUMNS`.
 */
export function renderRows(rows: readonly ScenarioRow[]): string {
  const number = String(rows.length).length;
  const pad = ' '.repeat(number + 2);
  return rows
    .map((row, i) => {
      const head = `${String(i + 1).padStart(number)}. ${row.scenario}`;
      const first = fit(`${head}  [${row.source}]`, DEMO_COLUMNS);
      const result = row.kind === 'ok' ? 'ok' : `${row.kind}/${row.code}${row.step === '' ? '' : ` at ${row.step}`}`;
      const facts = [
        result,
        `tries ${row.attempts}`,
        row.waits.length === 0 ? '' : `waits ${row.waits.join('+')} ms`,
        row.retryAfterMs === undefined ? '' : `retryAfterMs ${row.retryAfterMs}`,
        row.outcome,
        row.job === '' ? '' : `job ${row.job}`,
      ].filter((f) => f !== '');
      const second = `${pad}${facts.join('  ')}${row.hint === '' ? '' : ` — ${row.hint}`}`;
      return `${first}\n${fit(second, DEMO_COLUMNS)}`;
    })
    .join('\n');
}
