// What a consumer's browser bundle ships: each common import set bundled from dist/index.js for the
// browser with ALL dependencies bundled (zod, neverthrow, ts-pattern), minified, gzip -9, beside
// ky's whole bundle measured the same way in the same run. `--gate` fails above the budgets below.
// Own code only (dependencies external) is printed too; `--breakdown` adds what each large part of
// the root entry costs it.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const DIST = new URL('../dist/', import.meta.url).pathname;
const ROOT = new URL('../', import.meta.url).pathname;
const DEPENDENCIES = ['zod', 'neverthrow', 'ts-pattern'];

/**
 * Import sets a consumer typically has, and the CI budget of each (gzip bytes, dependencies bundled).
 * createClient's went from 20 to 23 KiB with the state store (session 4): the breaker, the pause
 * and the budget's store (about 1.5 KB with the client's seam to them) and the SHA-256 that names
 * an account without holding its key (590 B), all reachable from createClient's options. Then to
 * 24 KiB with OpenAI's and Anthropic's rows (about 0.8 KB): the policy table is one object, one
 * place, so every client ships every provider's rows; the adapters themselves tree-shake away.
 */
export const IMPORT_SETS = [
  { names: ['createClient', 'gen'], budget: 24 * 1024, aim: 12 * 1024 },
  { names: ['createClient', 'genrex'], budget: 24 * 1024, aim: 12 * 1024 },
  { names: ['createClient', 'openai'], budget: 24 * 1024, aim: 12 * 1024 },
  { names: ['createClient', 'anthropic'], budget: 24 * 1024, aim: 12 * 1024 },
  { names: ['normalize', 'classify', 'gen', 'genrex'], budget: 16 * 1024, aim: 8 * 1024 },
  { names: ['fromResponse', 'genrex'], budget: 16 * 1024, aim: 8 * 1024 },
];

async function bundle(options, { external = [] } = {}) {
  const result = await build({
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external,
    write: false,
    logLevel: 'silent',
    metafile: true,
    ...options,
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength, code, metafile: result.metafile };
}

const importsOf = (names) => ({ stdin: { contents: `export { ${names.join(', ')} } from './index.js';`, resolveDir: DIST, loader: 'js' } });

/** An import set with every dependency bundled, as a browser consumer ships it. */
export const measureImports = (names) => bundle(importsOf(names));
/** The same import set, own code only. */
export const measureOwnImports = (names) => bundle(importsOf(names), { external: DEPENDENCIES });
/** The whole root entry, dependencies bundled or not. */
export const measureRoot = ({ own = false } = {}) => bundle({ entryPoints: [`${DIST}index.js`] }, { external: own ? DEPENDENCIES : [] });
/** ky, whole, the same way: what a small fetch wrapper costs. */
export const measureKy = () => bundle({ stdin: { contents: "export { default } from 'ky';", resolveDir: ROOT, loader: 'js' } });

/** Parts of the root entry, each measured as what the root loses without it (own code). */
export const PARTS = {
  'the client and its retry machinery': ['createClient', 'DEFAULT_TIMEOUT_MS', 'createRetryBudget', 'decideRetry', 'backoffDelay'],
  toProblemDetails: ['toProblemDetails'],
  ErrorResultSchema: ['ErrorResultSchema'],
  fromResponse: ['fromResponse'],
};

async function measureWithout(names) {
  const all = Object.keys(await import(`${DIST}index.js`));
  return measureOwnImports(all.filter((name) => !names.includes(name)));
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const gate = process.argv.includes('--gate');
  const ky = await measureKy();
  console.log(`dependencies bundled, minified, gzip -9 (browser):`);
  console.log(`  ${'ky (whole)'.padEnd(44)} ${String(ky.gzipped).padStart(6)} B`);
  const failures = [];
  for (const { names, budget, aim } of IMPORT_SETS) {
    const size = await measureImports(names);
    const own = await measureOwnImports(names);
    const label = names.join(' + ');
    console.log(
      `  ${label.padEnd(44)} ${String(size.gzipped).padStart(6)} B  (${(size.gzipped / ky.gzipped).toFixed(2)}x ky; own code ${own.gzipped} B; budget ${kib(budget)}, aim ${kib(aim)})`,
    );
    if (size.gzipped > budget) failures.push(`${label}: ${size.gzipped} B > ${budget} B`);
  }
  const root = await measureRoot();
  const ownRoot = await measureRoot({ own: true });
  console.log(`  ${'the whole root entry'.padEnd(44)} ${String(root.gzipped).padStart(6)} B  (own code ${ownRoot.gzipped} B, ${ownRoot.minified} B minified)`);
  if (process.argv.includes('--breakdown')) {
    for (const [part, names] of Object.entries(PARTS)) {
      const without = await measureWithout(names);
      console.log(`  ${part} adds ${ownRoot.gzipped - without.gzipped} B of own code (root without it: ${without.gzipped} B)`);
    }
    const inputs = Object.entries(root.metafile.outputs)[0][1].inputs;
    const byPackage = {};
    for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
      const key = match ? match[1] : 'faultline';
      byPackage[key] = (byPackage[key] ?? 0) + bytesInOutput;
    }
    console.log(`  minified bytes of the root entry by package: ${Object.entries(byPackage).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  if (gate && failures.length > 0) {
    console.error(`size budget exceeded: ${failures.join('; ')}`);
    process.exit(1);
  }
}
