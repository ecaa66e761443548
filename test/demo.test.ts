import { describe, expect, it } from 'vitest';
import { DEMO_COLUMNS, renderRows } from '../src/cli/demo/render-rows.js';
import { runScenario, type ScenarioRow, scenarios } from '../src/cli/demo/scenarios.js';
import { policyTable } from '../src/index.js';

describe('demo scenarios', () => {
  const rows: ScenarioRow[] = [];
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_, scenario) => {
    const row = await runScenario(scenario);
    rows.push(row);
    expect(row.mismatch).toBe('');
  });

  it('print within 100 columns, each row naming what the fake server was told, with waits and retryAfterMs', () => {
    expect(rows).toHaveLength(scenarios.length);
    const text = renderRows(rows);
    const lines = text.split('\n');
    expect(lines).toHaveLength(rows.length * 2);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(DEMO_COLUMNS);
    const block = (name: string) => lines[lines.findIndex((l) => l.includes(name)) + 1]!;
    expect(lines.find((l) => l.includes('gen: 503, HTML 502, then 200'))).toContain('[GET /v1/me: empty_503, html_502]');
    expect(block('gen: 503, HTML 502, then 200')).toMatch(/ok {2}tries 3 {2}waits \d+\+\d+ ms/);
    expect(block('gen: 429 with Retry-After 1 s, then 200')).toMatch(/waits 1000 ms/);
    expect(block('genrex: rate limited for an hour')).toContain('retryAfterMs 3600000');
    expect(lines.find((l) => l.includes('genrex: no GEN credits') || l.includes('gen: no GEN credits'))).toContain('[gen credits 0]');
  });

  it('cover every documented code of the providers the fake server plays', () => {
    const covered = new Set(scenarios.map((s) => `${s.provider}/${s.expected.code ?? ''}`));
    const played = new Set<string>(scenarios.map((s) => s.provider));
    const generation = new Set(['RESEARCH_ERROR', 'TEXT_GENERATION_ERROR', 'IMAGE_GENERATION_ERROR', 'AUDIO_GENERATION_ERROR']);
    for (const [provider, rows] of Object.entries(policyTable.codes)) {
      if (!played.has(provider)) continue;
      for (const code of Object.keys(rows)) {
        // The job scenarios name their step; the step implies the code.
        if (generation.has(code)) continue;
        expect(covered.has(`${provider}/${code}`), `${provider}/${code}`).toBe(true);
      }
    }
    expect(scenarios.filter((s) => s.expected.kind === 'generation_failed').map((s) => s.expected.step)).toEqual(['researching', 'generating', 'images', 'audio']);
  });
});
