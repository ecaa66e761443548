import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
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

  it('the root entry bundled for the browser carries zod/mini only: no classic zod, no locales, no JSON-schema code', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('dist/index.js', root))],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    // What reached the output: esbuild reads more files than it keeps.
    const kept = Object.values(result.metafile.outputs)[0]!.inputs;
    const inputs = Object.keys(kept).filter((file) => kept[file]!.bytesInOutput > 0);
    expect(inputs.some((file) => file.includes('node_modules/zod/v4/mini/'))).toBe(true);
    expect(inputs.filter((file) => /node_modules\/zod\/(?:v4\/)?(?:classic|locales)\/|to-json-schema|json-schema/.test(file))).toEqual([]);
    // English error text from zod's locales, which zod/mini alone never ships.
    expect(result.outputFiles[0]!.text).not.toMatch(/Invalid input: expected|Too big: expected/);
  });
});

describe('README', () => {
  it('every link and path into the source it names exists', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    const paths = new Set<string>();
    for (const [, target] of readme.matchAll(/\]\(((?:src|adapters|test|bench|fixtures)\/[^)#\s]+)\)/g)) paths.add(target!);
    for (const [, target] of readme.matchAll(/`((?:src|adapters|test|bench)\/[\w./-]+\.(?:ts|mjs|md))`/g)) paths.add(target!);
    expect(paths.size).toBeGreaterThan(0);
    for (const path of paths) expect(existsSync(new URL(path, root)), path).toBe(true);
  });
});
