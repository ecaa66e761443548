import { describe, expect, it } from 'vitest';
import { runScenario, scenarios } from '../src/cli/demo/scenarios.js';
import { policyTable } from '../src/index.js';

describe('demo scenarios', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_, scenario) => {
    const row = await runScenario(scenario);
    expect(row.mismatch).toBe('');
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
