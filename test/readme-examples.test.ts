import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Every ```ts block of the README must type-check against the built package, so the docs cannot rot.
const dir = new URL('./_readme/', import.meta.url);
const PRELUDE = [
  "declare const apiKey: string;",
  "declare const url: string;",
  "declare const error: import('faultline').ErrorResult;",
  'declare const req: { url: string };',
  'declare const res: { status(n: number): { type(t: string): { json(v: unknown): void } } };',
].join('\n');

describe('README examples', () => {
  it('type-check', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(dir)) if (f.endsWith('.ts')) rmSync(new URL(f, dir));
    blocks.forEach((block, i) => writeFileSync(new URL(`example-${i}.ts`, dir), `${PRELUDE}\n${block}\nexport {};\n`));
    const tsc = new URL('../node_modules/typescript/bin/tsc', import.meta.url).pathname;
    try {
      execFileSync(process.execPath, [tsc, '--noEmit', '-p', new URL('tsconfig.json', dir).pathname], { encoding: 'utf8' });
    } catch (error) {
      throw new Error(`README examples do not type-check:\n${(error as { stdout?: string }).stdout ?? String(error)}`);
    }
  }, 60_000);
});
