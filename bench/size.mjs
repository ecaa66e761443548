// Size of the root entry as a browser or edge bundle would ship it: bundled from dist/index.js,
// minified, gzipped, with zod, neverthrow and ts-pattern left external. `--max BYTES` fails above it.
// Also prints what a consumer's bundler keeps for a few common imports (tree-shaken), for context;
// `--breakdown` adds what each large part of the root entry costs it.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const DIST = new URL('../dist/', import.meta.url).pathname;

/** Import sets a consumer typically has; each is bundled on its own from the root entry. */
export const IMPORT_SETS = [
  ['createClient', 'gen'],
  ['createClient', 'genrex'],
  ['normalize', 'classify', 'gen', 'genrex'],
  ['fromResponse', 'genrex'],
];

async function bundle(options) {
  const result = await build({
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    external: ['zod', 'neverthrow', 'ts-pattern'],
    write: false,
    logLevel: 'silent',
    ...options,
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

export function measureSize() {
  return bundle({ entryPoints: [`${DIST}index.js`] });
}

/** Parts of the root entry, each measured as what the root loses without it. */
export const PARTS = {
  'the client and its retry machinery': ['createClient', 'DEFAULT_TIMEOUT_MS', 'createRetryBudget', 'decideRetry', 'backoffDelay'],
  toProblemDetails: ['toProblemDetails'],
  ErrorResultSchema: ['ErrorResultSchema'],
  fromResponse: ['fromResponse'],
};

export async function measureWithout(names) {
  const all = Object.keys(await import(`${DIST}index.js`));
  return measureImports(all.filter((name) => !names.includes(name)));
}

export function measureImports(names) {
  return bundle({ stdin: { contents: `export { ${names.join(', ')} } from './index.js';`, resolveDir: DIST, loader: 'js' } });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const maxIndex = process.argv.indexOf('--max');
  const max = maxIndex >= 0 ? Number(process.argv[maxIndex + 1]) : undefined;
  const { minified, gzipped } = await measureSize();
  console.log(`root entry: ${minified} B minified, ${gzipped} B (${(gzipped / 1024).toFixed(2)} KiB) min+gzip${max ? `, budget ${max} B` : ''}`);
  for (const names of IMPORT_SETS) {
    const size = await measureImports(names);
    console.log(`  a consumer importing ${names.join(' + ')}: ${size.gzipped} B min+gzip`);
  }
  if (process.argv.includes('--breakdown')) {
    for (const [part, names] of Object.entries(PARTS)) {
      const without = await measureWithout(names);
      console.log(`  ${part} adds ${gzipped - without.gzipped} B (root without it: ${without.gzipped} B)`);
    }
  }
  if (max !== undefined && gzipped > max) {
    console.error(`size budget exceeded: ${gzipped} B > ${max} B`);
    process.exit(1);
  }
}
