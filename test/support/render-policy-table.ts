import type { PolicyTable } from '../../src/index.js';

const cell = (value: unknown): string => (value === undefined || value === '' ? '—' : String(value).replace(/\|/g, '\\|'));

/** The policy table as the Markdown that README.md carries between its policy-table markers. */
export function renderPolicyTable(table: PolicyTable): string {
  const out: string[] = [];
  out.push('| Provider | Code | HTTP | Kind | Retryable | Step | Hint |', '|---|---|---|---|---|---|---|');
  for (const [provider, rows] of Object.entries(table.codes)) {
    for (const [code, row] of Object.entries(rows)) {
      const kind = row.kind ?? '(by status)';
      const retryable = row.retryable ?? (row.kind ? table.kinds[row.kind].retryable : '(by status)');
      out.push(`| ${provider} | \`${code}\` | ${cell(row.status)} | \`${kind}\` | ${cell(retryable)} | ${cell(row.step)} | ${cell(row.hint)} |`);
    }
  }
  out.push('', 'Codes faultline makes itself, for failures no provider answered with (any provider):', '');
  out.push('| Code | Kind | Retryable | Hint |', '|---|---|---|---|');
  for (const [code, row] of Object.entries(table.synthetic)) {
    out.push(`| \`${code}\` | \`${row.kind}\` | ${cell(row.retryable ?? (row.kind ? table.kinds[row.kind].retryable : undefined))} | ${cell(row.hint)} |`);
  }
  out.push('', 'A failed-job body whose code no row names:', '');
  out.push('| Kind | Retryable | Step | Hint |', '|---|---|---|---|');
  out.push(`| \`${table.jobFailed.kind}\` | ${cell(table.jobFailed.retryable)} | body's step, else \`unknown\` | ${cell(table.jobFailed.hint)} |`);
  out.push('', 'Codes nobody documented, by HTTP status (exact status first, then the class, then `default`):', '');
  out.push('| Status | Kind | Retryable |', '|---|---|---|');
  for (const [status, row] of Object.entries(table.statuses)) {
    out.push(`| ${status} | \`${row.kind}\` | ${cell(row.retryable ?? table.kinds[row.kind].retryable)} |`);
  }
  out.push('', 'What each kind means when no row above says more:', '');
  out.push('| Kind | Retryable | Hint |', '|---|---|---|');
  for (const [kind, row] of Object.entries(table.kinds)) out.push(`| \`${kind}\` | ${cell(row.retryable)} | ${cell(row.hint)} |`);
  return out.join('\n');
}
