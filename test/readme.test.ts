import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyTable } from '../src/index.js';
import { renderPolicyTable } from './support/render-policy-table.js';

const README = new URL('../README.md', import.meta.url);
const START = '<!-- policy-table:start -->';
const END = '<!-- policy-table:end -->';

describe('README', () => {
  it('renders the policy table exactly as the code holds it (UPDATE_README=1 npm test rewrites it)', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, 'README.md lacks the policy-table markers').toBeGreaterThan(-1);
    const expected = `${START}\n${renderPolicyTable(policyTable)}\n${END}`;
    const actual = readme.slice(start, end + END.length);
    if (actual !== expected && process.env.UPDATE_README === '1') {
      writeFileSync(README, readme.slice(0, start) + expected + readme.slice(end + END.length));
      return;
    }
    expect(actual).toBe(expected);
  });
});
