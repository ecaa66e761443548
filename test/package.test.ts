import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// These run against dist/, which `pretest` builds.
const root = new URL('../', import.meta.url);
const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });

describe('package', () => {
  it('the root entry imports nothing from node: (browsers and edge runtimes)', () => {
    for (const file of ['dist/index.js', 'dist/index.cjs']) {
      const text = readFileSync(new URL(file, root), 'utf8');
      expect(text).not.toMatch(/["']node:|(?:from |require\()["'](?:fs|http|https|net|path|url|crypto|os|child_process|util|stream)["']/);
    }
  });

  it('faultline/testing imports without msw (an optional peer)', () => {
    for (const file of ['dist/testing.js', 'dist/testing.cjs']) {
      expect(readFileSync(new URL(file, root), 'utf8')).not.toMatch(/["']msw["'/]/);
    }
  });

  it.each(['faultline', 'faultline/adapters/gen', 'faultline/adapters/genrex', 'faultline/testing'])('%s loads from ESM and CJS', (entry) => {
    const esm = run(['--input-type=module', '-e', `const m = await import('${entry}'); console.log(Object.keys(m).sort().join(','))`]);
    const cjs = run(['-e', `console.log(Object.keys(require('${entry}')).sort().join(','))`]);
    expect(esm.trim()).toBe(cjs.trim());
    expect(esm).toMatch(entry === 'faultline' ? /normalize/ : entry.endsWith('testing') ? /startFakeServer/ : /gen/);
  });
});
