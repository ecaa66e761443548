// Size of the root entry as a browser or edge bundle would ship it: bundled from dist/index.js,
// minified, gzipped, with zod, neverthrow and ts-pattern left external. `--max BYTES` fails above it.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export async function measureSize() {
  const result = await build({
    entryPoints: [new URL('../dist/index.js', import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    external: ['zod', 'neverthrow', 'ts-pattern'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const maxIndex = process.argv.indexOf('--max');
  const max = maxIndex >= 0 ? Number(process.argv[maxIndex + 1]) : undefined;
  const { minified, gzipped } = await measureSize();
  console.log(`root entry: ${minified} B minified, ${gzipped} B (${(gzipped / 1024).toFixed(2)} KiB) min+gzip${max ? `, budget ${max} B` : ''}`);
  if (max !== undefined && gzipped > max) {
    console.error(`size budget exceeded: ${gzipped} B > ${max} B`);
    process.exit(1);
  }
}
